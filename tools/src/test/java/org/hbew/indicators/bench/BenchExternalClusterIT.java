package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.broker.SaslSslListener;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.launcher.EnvironmentDefaults;
import org.hbew.indicators.launcher.ExitCodes;
import org.hbew.indicators.tools.HbewTools;
import org.hbew.indicators.testing.SecuredKafka;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code ./hbew bench --bootstrap-servers} against a cluster secured as production clusters are (SASL_SSL,
 * SCRAM-SHA-512, the StandardAuthorizer), with a bench user that has exactly the ACLs {@code ./hbew acls
 * --bench-user} grants: every phase but standalone measures something with those client settings on every client,
 * and afterwards nothing of the product or of the benchmark is left on the cluster, also when the benchmark is
 * stopped with SIGTERM in the middle of a phase. It refuses a cluster that holds the product's input topic without
 * writing anything, and a wrong password or a cluster that does not answer fails within seconds, saying so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchExternalClusterIT {

    private static final String BENCH_USER = "hbew-bench";
    /** A user the cluster knows, without any ACL. */
    private static final String OTHER_USER = "hbew-nobody";
    /** A refusal must come well within this; a hang would not. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(30);

    private final String benchPassword = "bench-pw-" + UUID.randomUUID();
    private final String otherPassword = "other-pw-" + UUID.randomUUID();
    private SecuredKafka kafka;
    private Path adminConfig;
    private Path benchConfig;

    @TempDir
    Path dir;

    @BeforeAll
    void startTheSecuredBrokerWithABenchUser() throws IOException {
        kafka = SecuredKafka.start();
        adminConfig = kafka.clientConfigFile("admin", kafka.adminProperties());
        benchConfig = kafka.clientConfigFile("bench", kafka.clientProperties(BENCH_USER, benchPassword));
        Path users = Files.writeString(kafka.dir().resolve("scram-users.properties"),
                BENCH_USER + "=" + benchPassword + "\n" + OTHER_USER + "=" + otherPassword + "\n");

        Run acls = hbew("acls", "--apply", "--bench-user", BENCH_USER, "--scram-users", users.toString(),
                "--bootstrap-servers", kafka.bootstrapServers(), "--kafka-config", adminConfig.toString());

        assertThat(acls.exit()).as(acls.describe()).isZero();
        assertThat(acls.out()).contains("bench", "User:" + BENCH_USER);
    }

    @AfterAll
    void stopTheBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @AfterEach
    void leaveTheClusterAsFound() {
        assertThat(productAndBenchTopics()).as("topics of the product or the benchmark left on the cluster")
                .isEmpty();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void shouldMeasureEveryPhaseWithTheClientSettingsOnEveryClientAndRemoveWhatItCreated() throws IOException {
        Path out = dir.resolve("report");

        Run bench = hbew("bench", "--bootstrap-servers", kafka.bootstrapServers(), "--kafka-config",
                benchConfig.toString(), "--quick", "--events", "1000", "--warmup", "200", "--batch-size", "250",
                "--clients", "2", "--baseline-records", "5000", "--memory-events", "3000", "--latency-seconds", "2",
                "--java-opts=-Xmx384m", "--out", out.toString());

        assertThat(bench.exit()).as(bench.describe()).isZero();
        assertThat(bench.out()).contains("Kafka: external cluster " + kafka.bootstrapServers(),
                "security.protocol=SASL_SSL", "sasl.mechanism=SCRAM-SHA-512", "sasl.jaas.config=[hidden]",
                "standalone not run", "raw producer", "gateway over HTTP", "B0 producer", "B0 consumer",
                "processors exactly_once_v2", "processors at_least_once", "plain Kafka Streams job",
                "end-to-end latency", "processors' memory").doesNotContain("standalone first start");
        JsonNode report = Json.mapper().readTree(Files.readString(BenchOutput.report(out, ".json")));

        JsonNode cluster = report.path("cluster");
        assertThat(cluster.path("external").asBoolean()).isTrue();
        assertThat(cluster.path("bootstrapServers").asText()).isEqualTo(kafka.bootstrapServers());
        assertThat(cluster.path("settings").path("security.protocol").asText()).isEqualTo("SASL_SSL");
        assertThat(cluster.path("settings").path("sasl.jaas.config").asText()).isEqualTo("[hidden]");
        assertThat(cluster.has("replicationFactor")).as("the brokers' default decided").isFalse();

        JsonNode gateway = report.path("gateway").get(0);
        assertThat(gateway.path("baseline").path("eventsPerSecond").asDouble()).isPositive();
        assertThat(gateway.path("events").asLong()).isEqualTo(1000);
        assertThat(gateway.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(gateway.path("failed").asLong()).isZero();
        JsonNode b0 = report.path("baseline");
        assertThat(b0.path("producer").path("records").asLong()).isEqualTo(5000);
        assertThat(b0.path("producer").path("recordsPerSecond").asDouble()).isPositive();
        assertThat(b0.path("consumer").path("records").asLong()).isEqualTo(6000);
        for (String phase : List.of("processors", "alos", "plainJob")) {
            assertThat(report.path(phase).path("finished").asBoolean()).as(phase).isTrue();
            assertThat(report.path(phase).path("eventsPerSecond").asDouble()).as(phase).isPositive();
        }
        assertThat(report.path("processors").path("accounting").path("received").asLong())
                .isEqualTo(report.path("processors").path("events").asLong()).isPositive();
        assertThat(report.path("latency").path("latency").path("count").asLong()).isPositive();
        JsonNode memory = report.path("memory");
        assertThat(memory.path("finished").asBoolean()).isTrue();
        assertThat(memory.path("peakRssBytes").asLong()).isPositive();
        assertThat(report.has("standalone")).isFalse();

        String everything = bench.out() + bench.err() + Files.readString(BenchOutput.report(out, ".json"))
                + Files.readString(BenchOutput.report(out, ".md")) + Files.readString(out.resolve("processors-memory.log"));
        assertThat(everything).doesNotContain(benchPassword);
        assertThat(benchGroups()).isEmpty();
    }

    @Test
    void shouldRefuseAClusterWhereTheProductsInputTopicExistsAndWriteNothing() throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(Topics.RAW.name(), 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(30)).until(() -> productAndBenchTopics().contains(Topics.RAW.name()));
            try {
                Run bench = assertTimeoutPreemptively(FAIL_FAST, () -> hbew("bench", "--bootstrap-servers",
                        kafka.bootstrapServers(), "--kafka-config", benchConfig.toString(), "--quick",
                        "--out", dir.resolve("refused").toString()));

                assertThat(bench.exit()).as(bench.describe()).isEqualTo(ExitCodes.FAILED);
                assertThat(bench.err()).contains("refusing to run on " + kafka.bootstrapServers(),
                        "the product's topics hbew.events.raw already exist there", "Nothing was written");
                assertThat(productAndBenchTopics()).containsExactly(Topics.RAW.name());
                TopicPartition raw = new TopicPartition(Topics.RAW.name(), 0);
                assertThat(admin.listOffsets(Map.of(raw, OffsetSpec.latest())).partitionResult(raw)
                        .get(30, TimeUnit.SECONDS).offset()).as("records on hbew.events.raw").isZero();
                assertThat(benchGroups()).isEmpty();
            } finally {
                admin.deleteTopics(List.of(Topics.RAW.name())).all().get(30, TimeUnit.SECONDS);
                await().atMost(Duration.ofSeconds(30)).until(() -> productAndBenchTopics().isEmpty());
            }
        }
    }

    @Test
    void shouldFailWithinSecondsOnAWrongPasswordSayingSo() {
        Map<String, String> wrong = new HashMap<>(kafka.clientProperties(BENCH_USER, benchPassword));
        wrong.put("sasl.jaas.config", SaslSslListener.scramJaas(BENCH_USER, "not-the-password"));
        Path config = kafka.clientConfigFile("bench-wrong-password", wrong);
        long start = System.nanoTime();

        Run bench = assertTimeoutPreemptively(FAIL_FAST, () -> hbew("bench", "--bootstrap-servers",
                kafka.bootstrapServers(), "--kafka-config", config.toString(), "--quick",
                "--out", dir.resolve("wrong-password").toString()));

        assertThat(bench.exit()).as(bench.describe()).isEqualTo(ExitCodes.FAILED);
        assertThat(bench.err()).contains("cannot use the Kafka cluster at " + kafka.bootstrapServers(),
                "Kafka refused the credentials").doesNotContain("not-the-password");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    void shouldStopBeforeWritingWhenItsUserLacksTheBenchmarksAcls() {
        Path config = kafka.clientConfigFile("other", kafka.clientProperties(OTHER_USER, otherPassword));

        Run bench = assertTimeoutPreemptively(FAIL_FAST, () -> hbew("bench", "--bootstrap-servers",
                kafka.bootstrapServers(), "--kafka-config", config.toString(), "--quick",
                "--out", dir.resolve("no-acls").toString()));

        assertThat(bench.exit()).as(bench.describe()).isEqualTo(ExitCodes.FAILED);
        assertThat(bench.err()).contains("cannot tell whether the product's topic hbew.events.raw exists",
                "stops before writing anything", "Kafka denied access", "./hbew acls --bench-user");
    }

    @Test
    void shouldFailWithinTheTimeoutWhenNoClusterAnswers() {
        String nowhere = "127.0.0.1:" + FreePorts.one();
        long start = System.nanoTime();

        Run bench = assertTimeoutPreemptively(FAIL_FAST, () -> hbew("bench", "--bootstrap-servers", nowhere,
                "--timeout", "3s", "--quick", "--out", dir.resolve("nowhere").toString()));

        assertThat(bench.exit()).as(bench.describe()).isEqualTo(ExitCodes.FAILED);
        assertThat(bench.err()).contains("the Kafka cluster at " + nowhere + " did not answer within 3 s");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void shouldRemoveWhatItCreatedWhenStoppedInTheMiddleOfAPhase() throws Exception {
        String processorsGroup = ProcessorsRun.applicationId("exactly_once_v2");
        List<String> command = new ArrayList<>(StandaloneLaunch.hbew(StandaloneLaunch.currentJavaHome(),
                "-Xmx384m", StandaloneLaunch.currentClassPath()));
        command.addAll(List.of("bench", "--bootstrap-servers", kafka.bootstrapServers(), "--kafka-config",
                benchConfig.toString(), "--events", "1000", "--warmup", "200", "--batch-size", "250",
                "--clients", "2", "--partitions", "2", "--skip", "baseline,alos,plain,memory",
                "--latency-seconds", "120", "--out", dir.resolve("stopped").toString()));
        Path log = dir.resolve("stopped.log");
        Process bench = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            await("the processors at work, their group stable").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> stableGroups().contains(processorsGroup) || !bench.isAlive());
            assertThat(bench.isAlive()).as("still running; its output:\n%s", Files.readString(log)).isTrue();
            assertThat(productAndBenchTopics()).contains(Topics.RAW.name());

            bench.destroy();

            assertThat(bench.waitFor(2, TimeUnit.MINUTES)).as("stopped within two minutes").isTrue();
            assertThat(bench.exitValue()).as("ended by SIGTERM").isEqualTo(143);
            assertThat(Files.readString(log)).contains("removes its topics and groups",
                    "Removed from " + kafka.bootstrapServers()).doesNotContain(benchPassword);
            assertThat(benchGroups()).isEmpty();
        } finally {
            bench.destroyForcibly();
        }
    }

    private Set<String> productAndBenchTopics() {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(t -> BenchNames.isProductTopic(t) || BenchNames.isBenchTopic(t))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> benchGroups() {
        try (Admin admin = admin()) {
            return admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .map(GroupListing::groupId)
                    .filter(BenchNames::isBenchGroup)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Set<String> stableGroups() {
        try (Admin admin = admin()) {
            return admin.listGroups().all().get(30, TimeUnit.SECONDS).stream()
                    .filter(g -> g.groupState().filter(GroupState.STABLE::equals).isPresent())
                    .map(GroupListing::groupId)
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Admin admin() {
        Map<String, Object> config = new HashMap<>(kafka.adminProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return Admin.create(config);
    }

    /** What one {@code ./hbew} command printed and returned. */
    private record Run(int exit, String out, String err) {
        String describe() {
            return "exit " + exit + "\nout: " + out + "\nerr: " + err;
        }
    }

    private static Run hbew(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = HbewTools.commandLine(new EnvironmentDefaults(Map.of()));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}
