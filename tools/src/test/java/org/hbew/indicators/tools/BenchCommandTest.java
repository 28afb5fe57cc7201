package org.hbew.indicators.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hbew.indicators.bench.BenchPhase;
import org.hbew.indicators.launcher.EnvironmentDefaults;
import org.hbew.indicators.launcher.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class BenchCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldDescribeEveryOptionAndItsVariable() {
        int exit = commandLine(Map.of()).execute("bench", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: hbew bench", "--events", "--batch-size", "--clients", "--quick",
                "--baseline-records", "--latency-seconds", "--memory-events", "--skip", "--skip-standalone", "--out",
                "HBEW_EVENTS", "HBEW_BATCH_SIZE", "HBEW_JAVA_OPTS", "docs/benchmarks.md");
        assertThat(out.toString().replaceAll("\\s+", " ")).contains(
                "baseline, plain, processors, latency, alos, memory, standalone");
        assertThat(BenchPhase.values()).hasSize(7);
    }

    @Test
    void shouldPrintTheLaunchersVersion() {
        int exit = commandLine(Map.of()).execute("bench", "--version");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("hbew-indicators", "Apache Kafka client");
    }

    @Test
    void shouldTakeTheChildsJvmOptionsFromHbewJavaOptsLikeTheScript() {
        CommandLine commandLine = commandLine(Map.of("HBEW_JAVA_OPTS", "-Xmx1g -XX:+UseSerialGC",
                "HBEW_BATCH_SIZE", "250,750"));

        commandLine.parseArgs("bench", "--clients", "2,8", "--out", "/tmp/x");

        BenchCommand bench = commandLine.getSubcommands().get("bench").getCommand();
        assertThat(bench.javaOptions).isEqualTo("-Xmx1g -XX:+UseSerialGC");
        assertThat(bench.batchSizes).containsExactly(250, 750);
        assertThat(bench.clients).containsExactly(2, 8);
        assertThat(bench.out).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void shouldGatherThePhasesToSkipFromEitherSpelling() {
        CommandLine commandLine = commandLine(Map.of("HBEW_SKIP", "latency"));

        commandLine.parseArgs("bench", "--skip", "baseline,Memory", "--skip-standalone");

        BenchCommand bench = commandLine.getSubcommands().get("bench").getCommand();
        assertThat(bench.skip).containsExactly(BenchPhase.BASELINE, BenchPhase.MEMORY);
        assertThat(bench.skipStandalone).isTrue();
    }

    @Test
    void shouldRefuseAnUnknownPhaseAsWrongUsage() {
        int exit = commandLine(Map.of()).execute("bench", "--skip", "gateway");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--skip", "gateway");
    }

    @Test
    void shouldRefuseABatchSizeIngestWouldRefuseAsWrongUsage() {
        int exit = commandLine(Map.of()).execute("bench", "--batch-size", "6000", "--skip-standalone");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("batch size must be between 1 and 5000");
    }

    @Test
    void shouldOfferAnExternalClusterWithTheKafkaClientSettingsOfTheOtherCommands() {
        int exit = commandLine(Map.of()).execute("bench", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--bootstrap-servers=HOST:PORT[,...]", "HBEW_BOOTSTRAP_SERVERS",
                "--kafka-config=FILE", "HBEW_KAFKA_<PROPERTY>", "--replication-factor=N", "--timeout=DURATION");
        assertThat(out.toString().replaceAll("\\s+", " ")).contains(
                "it refuses a cluster where any of the product's topics exists",
                "deletes all of them and its consumer groups at the end", "Standalone is not run then");
    }

    @Test
    void shouldTakeTheClusterAndItsClientSettingsFromTheEnvironmentToo(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("bench.properties"),
                "security.protocol=SASL_SSL\nsasl.mechanism=SCRAM-SHA-512\n");
        CommandLine commandLine = commandLine(Map.of("HBEW_BOOTSTRAP_SERVERS", "kafka-1:9092,kafka-2:9092",
                "HBEW_KAFKA_SASL_MECHANISM", "SCRAM-SHA-256"));

        commandLine.parseArgs("bench", "--kafka-config", config.toString(), "--replication-factor", "3",
                "--timeout", "10s");

        BenchCommand bench = commandLine.getSubcommands().get("bench").getCommand();
        assertThat(bench.bootstrapServers).isEqualTo("kafka-1:9092,kafka-2:9092");
        assertThat(bench.replicationFactor).isEqualTo((short) 3);
        assertThat(bench.timeout).isEqualTo(Duration.ofSeconds(10));
        assertThat(bench.kafkaConfig.properties().asMap()).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256");
    }

    @Test
    void shouldUseTheEmbeddedBrokerWhenNoClusterIsGiven() {
        CommandLine commandLine = commandLine(Map.of());

        commandLine.parseArgs("bench", "--quick");

        BenchCommand bench = commandLine.getSubcommands().get("bench").getCommand();
        assertThat(bench.bootstrapServers).isNull();
        assertThat(bench.replicationFactor).isNull();
        assertThat(bench.kafkaConfig.file()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--kafka-config bench.properties | give its --bootstrap-servers too",
            "--replication-factor 3 | give its --bootstrap-servers too",
            "--bootstrap-servers kafka-1:9092 --replication-factor 0 | replication factor must be at least 1",
            "--bootstrap-servers kafka-1:9092 --timeout 0s | timeout must be positive",
            "--bootstrap-servers kafka-1:9092 --kafka-config no-such.properties | no Kafka client config file at"})
    void shouldRefuseClusterOptionsThatCannotWorkAsWrongUsageBeforeConnecting(String options, String message) {
        List<String> args = new ArrayList<>(List.of("bench"));
        args.addAll(List.of(options.strip().split(" ")));

        int exit = commandLine(Map.of()).execute(args.toArray(String[]::new));

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains(message);
    }

    private CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = HbewTools.commandLine(new EnvironmentDefaults(environment));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine;
    }
}
