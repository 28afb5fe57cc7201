package org.hbew.indicators.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.ingest.IngestConfig;
import org.hbew.indicators.ingest.IngestGateway;
import org.hbew.indicators.ingest.TokenStore;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.ProcessorsApp;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.testing.SecuredKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The product on a secured broker, as an operator sets it up: SASL_SSL with SCRAM-SHA-512 and a CA of the
 * test's own, the StandardAuthorizer; the topics created by {@code ./hbew topics} and the users and their
 * least-privilege ACLs by {@code ./hbew acls --apply}, both with the administrator's {@code --kafka-config}.
 * Ingest and the processors, each with its own user, carry events end to end and the totals add up; a
 * downstream reader reads the outputs; an operator sets a target. Then the refusals, each one fast and named:
 * a wrong password, ingest's user reading an output topic, a reader's user writing {@code hbew.events.raw}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredClusterIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** A refusal must be answered well within this; a hang would not be. */
    private static final Duration REFUSAL_DEADLINE = Duration.ofSeconds(90);
    private static final int PARTITIONS = 3;
    private static final List<String> CITIES = List.of("hohhot", "baotou", "ordos", "ulanqab");
    private static final String READ_TOKEN = "it-read-token-" + UUID.randomUUID();
    private static final JsonSerde<EventEnvelope> EVENTS = JsonSerde.of(EventEnvelope.class);

    private final Map<String, String> passwords = new HashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private SecuredKafka kafka;
    private Path adminConfig;

    @TempDir
    Path dir;

    @BeforeAll
    void startTheSecuredBrokerAndApplyTheAcls() throws IOException {
        kafka = SecuredKafka.start();
        adminConfig = kafka.clientConfigFile("admin", kafka.adminProperties());
        for (String user : List.of("hbew-ingest", "hbew-processors", "hbew-reader", "hbew-operator")) {
            passwords.put(user, user + "-pw-" + UUID.randomUUID());
        }
        Path users = kafka.dir().resolve("scram-users.properties");
        Files.writeString(users, passwords.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n")));

        Run topics = hbew(Map.of(), "topics", "--bootstrap-servers", kafka.bootstrapServers(),
                "--kafka-config", adminConfig.toString(), "--partitions", String.valueOf(PARTITIONS));
        Run acls = hbew(Map.of(), "acls", "--apply", "--bootstrap-servers", kafka.bootstrapServers(),
                "--kafka-config", adminConfig.toString(), "--scram-users", users.toString());

        assertThat(topics.exit()).as(topics.describe()).isZero();
        assertThat(acls.exit()).as(acls.describe()).isZero();
        assertThat(acls.out()).contains("SCRAM-SHA-512 credentials set for [hbew-ingest, hbew-operator, "
                + "hbew-processors, hbew-reader]", "ACLs in place").doesNotContain("-pw-");
    }

    @AfterAll
    void stopTheBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldCarryEventsEndToEndWithEachServiceOnItsOwnUser() throws Exception {
        TokenStore tokens = TokenStore.of(Map.of("hohhot", "t-hohhot", "baotou", "t-baotou", "ordos", "t-ordos",
                "ulanqab", "t-ulanqab"));
        try (IngestGateway ingest = ingest(tokens, user("hbew-ingest"));
             ProcessorsApp processors = processors(user("hbew-processors"), dir.resolve("state"))) {
            assertThat(processors.awaitRunning(PATIENCE)).as("processors RUNNING with their own user").isTrue();
            OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
            List<String> resent = new ArrayList<>();

            for (String city : CITIES) {
                List<String> events = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    events.add(event(city, at.minusMinutes(i), 1.0 + i));
                }
                HttpResponse<String> posted = post(ingest, "t-" + city, "[" + String.join(",", events) + "]");
                assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
                resent.add(events.get(0));
            }
            for (int c = 0; c < CITIES.size(); c++) {
                assertThat(post(ingest, "t-" + CITIES.get(c), resent.get(c)).statusCode()).isEqualTo(202);
            }

            await("all 24 records accounted for").atMost(PATIENCE).untilAsserted(() -> {
                JsonNode accounting = accounting(processors);
                assertThat(accounting.path("received").asLong()).isEqualTo(24);
                assertThat(accounting.path("counted").asLong()).isEqualTo(20);
                assertThat(accounting.path("duplicates").asLong()).isEqualTo(4);
                assertThat(accounting.path("late").asLong()).isZero();
                assertThat(accounting.path("deadLettered").asLong()).isZero();
                assertThat(accounting.path("balanced").asBoolean()).isTrue();
            });
            await("a downstream reader reads every city's figures").atMost(PATIENCE).untilAsserted(() ->
                    assertThat(citiesOnIndicatorsCity(user("hbew-reader"))).containsAll(CITIES));
        }
    }

    @Test
    void shouldLetTheOperatorSetATargetAndNotTheReader() {
        Path operator = kafka.clientConfigFile("operator", user("hbew-operator"));
        Path reader = kafka.clientConfigFile("reader", user("hbew-reader"));

        Run set = hbew(Map.of(), "targets", "set", "--bootstrap-servers", kafka.bootstrapServers(), "--kafka-config",
                operator.toString(), "--item", "2", "--indicator", "road_km_opened", "--at-least", "10");
        Run refused = assertTimeoutPreemptively(REFUSAL_DEADLINE, () -> hbew(Map.of(), "targets", "set",
                "--bootstrap-servers", kafka.bootstrapServers(), "--kafka-config", reader.toString(), "--timeout", "20s",
                "--item", "2", "--indicator", "road_km_opened", "--at-least", "1"));

        assertThat(set.exit()).as(set.describe()).isZero();
        assertThat(set.out()).contains("Set 2:road_km_opened");
        assertThat(refused.exit()).as(refused.describe()).isEqualTo(ExitCodes.FAILED);
        assertThat(refused.err()).contains("hbew.targets");
    }

    @Test
    void shouldStopTheProcessorsAtOnceWithAWrongPasswordFromTheEnvironment() {
        Map<String, String> env = new HashMap<>();
        user("hbew-processors").forEach((property, value) -> env.put("HBEW_KAFKA_"
                + property.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
        env.put("HBEW_KAFKA_SASL_JAAS_CONFIG", org.hbew.indicators.broker.SaslSslListener.scramJaas("hbew-processors",
                "not-the-password"));

        Run run = assertTimeoutPreemptively(REFUSAL_DEADLINE, () -> hbew(env, "processors",
                "--bootstrap-servers", kafka.bootstrapServers(), "--state-dir", dir.resolve("wrong-pw").toString(),
                "--host", "127.0.0.1", "--http-port", String.valueOf(FreePorts.one())));

        assertThat(run.exit()).as(run.describe()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("Kafka refused the credentials", "SaslAuthenticationException")
                .doesNotContain("not-the-password");
    }

    @Test
    void shouldAnswer503WhenIngestHasAWrongPassword() throws Exception {
        Map<String, String> wrong = new HashMap<>(user("hbew-ingest"));
        wrong.put("sasl.jaas.config", org.hbew.indicators.broker.SaslSslListener.scramJaas("hbew-ingest", "wrong"));
        try (IngestGateway ingest = ingest(TokenStore.of(Map.of("ordos", "t-ordos")), wrong)) {
            HttpResponse<String> posted = assertTimeoutPreemptively(REFUSAL_DEADLINE, () ->
                    post(ingest, "t-ordos", event("ordos", OffsetDateTime.now(ZoneOffset.ofHours(8)), 1.0)));
            HttpResponse<String> ready = get(ingest, "/readyz");

            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(503);
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("Kafka refused the credentials");
        }
    }

    @Test
    void shouldRefuseIngestsUserReadingAnOutputTopic() {
        Map<String, Object> config = new HashMap<>(user("hbew-ingest"));
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(new TopicPartition(Topics.INDICATORS_CITY.name(), 0)));

            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(30)))
                    .isInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining(Topics.INDICATORS_CITY.name());
        }
    }

    @Test
    void shouldStopTheProcessorsRunWithIngestsUserNamingTheMissingAcl() {
        Path ingestConfig = kafka.clientConfigFile("ingest", user("hbew-ingest"));

        Run run = assertTimeoutPreemptively(REFUSAL_DEADLINE, () -> hbew(Map.of(), "processors",
                "--bootstrap-servers", kafka.bootstrapServers(), "--kafka-config", ingestConfig.toString(),
                "--state-dir", dir.resolve("ingest-user").toString(), "--host", "127.0.0.1",
                "--http-port", String.valueOf(FreePorts.one())));

        assertThat(run.exit()).as(run.describe()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("Kafka denied access", "AuthorizationException");
    }

    @Test
    void shouldRefuseAReaderWritingTheRawTopic() throws Exception {
        Map<String, Object> config = new HashMap<>(user("hbew-reader"));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.RAW.name(), "2:ordos",
                    "{}".getBytes(StandardCharsets.UTF_8))).get(60, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(TopicAuthorizationException.class)
                    .hasMessageContaining(Topics.RAW.name());
        }
        try (IngestGateway misconfigured = ingest(TokenStore.of(Map.of("ordos", "t-ordos")), user("hbew-reader"))) {
            HttpResponse<String> posted = assertTimeoutPreemptively(REFUSAL_DEADLINE, () -> post(misconfigured,
                    "t-ordos", event("ordos", OffsetDateTime.now(ZoneOffset.ofHours(8)), 1.0)));
            HttpResponse<String> ready = get(misconfigured, "/readyz");

            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(503);
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body()).contains("Kafka denied access", Topics.RAW.name());
        }
    }

    private Map<String, String> user(String name) {
        return kafka.clientProperties(name, passwords.get(name));
    }

    private IngestGateway ingest(TokenStore tokens, Map<String, String> client) {
        IngestGateway gateway = new IngestGateway(IngestConfig.builder(kafka.bootstrapServers(), tokens)
                .host("127.0.0.1").port(0).producerOverrides(client).build(), CatalogLoader.loadDefault());
        gateway.start();
        return gateway;
    }

    private ProcessorsApp processors(Map<String, String> client, Path stateDir) {
        return FreePorts.onFreePort(port -> {
            ProcessorsConfig config = ProcessorsConfig.builder(kafka.bootstrapServers(), stateDir)
                    .httpHost("127.0.0.1")
                    .httpPort(port)
                    .replicationFactor(1)
                    .streamsOverrides(client)
                    .readToken(READ_TOKEN)
                    .build();
            ProcessorsApp app = new ProcessorsApp(config, CatalogLoader.loadDefault());
            app.start();
            return app;
        });
    }

    private Set<String> citiesOnIndicatorsCity(Map<String, String> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "hbew-reader-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Set<String> cities = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.INDICATORS_CITY.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (System.nanoTime() < deadline && !cities.containsAll(CITIES)) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> cities.add(r.key().split(":")[1]));
            }
        }
        return cities;
    }

    private JsonNode accounting(ProcessorsApp processors) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + processors.httpPort() + "/v1/accounting")).header("Authorization", "Bearer " + READ_TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private static String event(String city, OffsetDateTime at, double km) {
        EventEnvelope event = EventEnvelope.plain(UUID.randomUUID(), city, 2, "road_km_opened", at, km, "km");
        return new String(EVENTS.toBytes(event), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(IngestGateway ingest, String token, String body)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingest.port() + "/v1/events"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(IngestGateway ingest, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingest.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** What one {@code ./hbew} command printed and returned. */
    private record Run(int exit, String out, String err) {
        String describe() {
            return "exit " + exit + "\nout: " + out + "\nerr: " + err;
        }
    }

    private static Run hbew(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Hbew.commandLine(new EnvironmentDefaults(environment));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
