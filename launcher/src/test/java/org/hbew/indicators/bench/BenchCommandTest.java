package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.hbew.indicators.launcher.EnvironmentDefaults;
import org.hbew.indicators.launcher.ExitCodes;
import org.hbew.indicators.launcher.Hbew;
import org.junit.jupiter.api.Test;
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

    private CommandLine commandLine(Map<String, String> environment) {
        CommandLine commandLine = Hbew.commandLine(new EnvironmentDefaults(environment));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine;
    }
}
