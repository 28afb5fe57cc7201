package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.hbew.indicators.catalog.CatalogLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest over HTTPS from a PKCS12 keystore made here with the JDK's keytool, asked by the JDK's own TLS client
 * that trusts only that certificate. No broker is needed to see the listener: the probes and {@code /metrics}
 * answer whatever Kafka does.
 */
class IngestHttpsTest {

    private static final String PASSWORD = "keystore-pw-7";
    private static final String READ_TOKEN = "reader-token-for-metrics";

    @TempDir
    static Path dir;
    private static Path keystore;
    private static SSLContext trusting;

    private IngestGateway gateway;

    @BeforeAll
    static void makeTheKeystore() throws Exception {
        keystore = dir.resolve("ingest.p12");
        Path certificate = dir.resolve("ingest.pem");
        Path truststore = dir.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "ingest", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ingest", "-keystore", keystore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "ingest", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", truststore.toString(), "-storepass", PASSWORD);
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(truststore)) {
            trusted.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        trusting = SSLContext.getInstance("TLS");
        trusting.init(null, trust.getTrustManagers(), null);
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void shouldServeHttpsFromThePkcs12Keystore() throws Exception {
        start(IngestConfig.builder(TestKafka.unreachableBootstrapServers(), tokens())
                .host("127.0.0.1").port(0).tls(new IngestConfig.TlsKeystore(keystore, PASSWORD)).build());
        HttpClient client = HttpClient.newBuilder().sslContext(trusting).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> health = client.send(HttpRequest.newBuilder(url("https", "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> unauthenticated = client.send(HttpRequest.newBuilder(url("https", "/v1/events"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("alive");
        assertThat(health.sslSession()).hasValueSatisfying(session ->
                assertThat(session.getProtocol()).startsWith("TLSv1."));
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
    }

    @Test
    void shouldNotAnswerPlainHttpOnTheHttpsPort() {
        start(IngestConfig.builder(TestKafka.unreachableBootstrapServers(), tokens())
                .host("127.0.0.1").port(0).tls(new IngestConfig.TlsKeystore(keystore, PASSWORD)).build());
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(url("http", "/healthz"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()))
                .as("a TLS alert is no HTTP answer").isInstanceOf(IOException.class)
                .hasMessageContaining("status line");
    }

    @Test
    void shouldRefuseAClientThatDoesNotTrustTheCertificate() {
        start(IngestConfig.builder(TestKafka.unreachableBootstrapServers(), tokens())
                .host("127.0.0.1").port(0).tls(new IngestConfig.TlsKeystore(keystore, PASSWORD)).build());
        HttpClient defaultTrust = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        assertThatThrownBy(() -> defaultTrust.send(HttpRequest.newBuilder(url("https", "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
    }

    @Test
    void shouldRequireTheReadTokenOfMetricsButNotOfTheProbes() throws Exception {
        start(IngestConfig.builder(TestKafka.unreachableBootstrapServers(), tokens())
                .host("127.0.0.1").port(0).readToken(READ_TOKEN).build());
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        int without = client.send(HttpRequest.newBuilder(url("http", "/metrics")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        HttpResponse<String> with = client.send(HttpRequest.newBuilder(url("http", "/metrics"))
                .header("Authorization", "Bearer " + READ_TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        int health = client.send(HttpRequest.newBuilder(url("http", "/healthz")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();

        assertThat(without).isEqualTo(401);
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(with.body()).contains("hbew_ingest_events_total");
        assertThat(health).isEqualTo(200);
    }

    @Test
    void shouldTakeTheReadTokenFromTheReaderLineOfTheTokens() {
        IngestConfig config = IngestConfig.defaults("kafka:9092", TokenStore.of(Map.of("hohhot", "h-token",
                "reader", READ_TOKEN)));

        assertThat(config.readToken()).isEqualTo(READ_TOKEN);
        assertThat(config.toString()).contains("readToken=[hidden]").doesNotContain(READ_TOKEN);
    }

    private static TokenStore tokens() {
        return TokenStore.of(Map.of("hohhot", "h-token", "admin", "a-token"));
    }

    private void start(IngestConfig config) {
        gateway = new IngestGateway(config, CatalogLoader.loadDefault());
        gateway.start();
    }

    private URI url(String scheme, String path) {
        return URI.create(scheme + "://127.0.0.1:" + gateway.port() + path);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + output);
        }
    }
}
