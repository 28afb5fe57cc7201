package org.hbew.indicators.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.ingest.IngestConfig;
import org.hbew.indicators.ingest.IngestGateway;
import org.hbew.indicators.ingest.TokenStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./hbew ingest}: the HTTP ingest gateway alone, in front of an existing Kafka cluster. */
@Command(name = "ingest",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run the HTTP ingest gateway (POST /v1/events) against a Kafka cluster.")
final class IngestCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092", paramLabel = "HOST:PORT[,...]",
            description = "Kafka cluster (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Mixin
    KafkaConfigOption kafkaConfig;

    @Mixin
    ReadTokenOptions readToken;

    @Option(names = "--host", defaultValue = IngestConfig.DEFAULT_HOST, paramLabel = "ADDRESS",
            description = "Address to listen on; 127.0.0.1 for this machine only (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--tls-keystore", paramLabel = "FILE",
            description = {"Serve HTTPS (only) with this PKCS12 keystore: the server's key and certificate chain."})
    Path tlsKeystore;

    @Option(names = "--tls-keystore-password", paramLabel = "PASSWORD",
            description = {"Password of the keystore; prefer HBEW_TLS_KEYSTORE_PASSWORD (never shown)."})
    String tlsKeystorePassword;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT",
            description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = {"Bearer tokens: a file with one <city>=<token> line per city and admin=<token>,",
                    "or the pairs themselves (HBEW_TOKENS=\"hohhot=…,admin=…\")."})
    Path tokens;

    @Option(names = "--max-body-bytes", defaultValue = "1048576", paramLabel = "BYTES",
            description = "Largest request body (default: ${DEFAULT-VALUE}).")
    int maxBodyBytes;

    @Option(names = "--max-events", defaultValue = "5000", paramLabel = "N",
            description = "Most events in one request (default: ${DEFAULT-VALUE}).")
    int maxEvents;

    @Option(names = "--max-clock-skew", defaultValue = "PT5M", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How far in the future occurredAt may be (default: ${DEFAULT-VALUE}).")
    Duration maxClockSkew;

    @Option(names = "--max-event-age", defaultValue = "P30D", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How far in the past occurredAt may be (default: ${DEFAULT-VALUE}).")
    Duration maxEventAge;

    @Override
    public Integer call() throws InterruptedException {
        if (tokens == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "no tokens: pass --tokens FILE or set HBEW_TOKENS");
        }
        TokenStore tokenStore = TokensFiles.read(tokens);
        DemoTokens.refuseUnlessDemo(spec, tokenStore.principals().stream()
                .map(p -> tokenStore.token(p).orElse("")).toList());
        IngestConfig config = IngestConfig.builder(bootstrapServers, tokenStore)
                .host(host)
                .port(port)
                .maxBodyBytes(maxBodyBytes)
                .maxEventsPerRequest(maxEvents)
                .maxClockSkew(maxClockSkew)
                .maxEventAge(maxEventAge)
                .producerOverrides(kafkaConfig.properties().asMap())
                .readToken(readToken.token(spec, Optional.of(tokenStore)))
                .tls(tlsKeystore == null ? null : new IngestConfig.TlsKeystore(tlsKeystore, tlsKeystorePassword))
                .build();
        PrintWriter out = spec.commandLine().getOut();
        try (ShutdownSignal signal = new ShutdownSignal("hbew-ingest-shutdown");
             IngestGateway gateway = new IngestGateway(config, CatalogLoader.loadDefault())) {
            gateway.start();
            out.printf("Ingest listening on %s://%s:%d, writing to %s. Ctrl-C stops.%n",
                    tlsKeystore == null ? "http" : "https", host, gateway.port(), bootstrapServers);
            out.flush();
            signal.await();
        }
        return ExitCodes.OK;
    }
}
