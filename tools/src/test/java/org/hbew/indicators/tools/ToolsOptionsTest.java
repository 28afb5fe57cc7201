package org.hbew.indicators.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.hbew.indicators.launcher.EnvironmentDefaults;
import org.hbew.indicators.launcher.Hbew;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What the tools' command line adds to the services' one (launcher's ProductionOptionsTest checks theirs): the same
 * production options on the tools that talk to Kafka or listen, and the services' commands unchanged beside them.
 * Nothing here starts anything.
 */
class ToolsOptionsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldOfferEveryServiceCommandAndTheToolsInOneCommandLine() {
        var services = Hbew.commandLine(new EnvironmentDefaults(Map.of())).getSubcommands().keySet();
        var all = HbewTools.commandLine(new EnvironmentDefaults(Map.of())).getSubcommands().keySet();

        assertThat(services).containsExactly("ingest", "processors", "topics", "targets", "acls", "help");
        assertThat(all).containsExactly("standalone", "ingest", "processors", "topics", "targets", "acls",
                "simulate", "import", "bench", "help");
    }

    @Test
    void shouldOfferTheKafkaConfigFileToTheBenchmark() {
        int exit = run(Map.of(), "bench", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--kafka-config=FILE", "--command-config", "HBEW_KAFKA_<PROPERTY>");
    }

    @Test
    void shouldListenOnThisMachineOnlyInStandaloneUnlessTold() {
        run(Map.of(), "standalone", "--help");

        assertThat(out.toString()).contains("--host=ADDRESS", "HBEW_HOST");
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("(default: 127.0.0.1, this machine only)");
    }

    @Test
    void shouldNeverShowASecretInTheBenchmarksHelp() {
        int exit = run(Map.of("HBEW_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule"
                + " required username=\"bench\" password=\"jaas-password-never-shown\";"), "bench", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString() + err).doesNotContain("never-shown");
    }

    private int run(Map<String, String> environment, String... args) {
        CommandLine commandLine = HbewTools.commandLine(new EnvironmentDefaults(environment));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }
}
