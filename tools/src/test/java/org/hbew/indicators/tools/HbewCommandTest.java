package org.hbew.indicators.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hbew.indicators.launcher.EnvironmentDefaults;
import org.hbew.indicators.launcher.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

class HbewCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldListTheCommandsInTheRootHelp() {
        int exit = run("--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: hbew", "simulate", "import", "topics", "targets",
                "HBEW_BOOTSTRAP_SERVERS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"simulate", "import", "topics", "targets list", "targets set", "targets reset"})
    void shouldShowHelpOfEveryCommandWithItsEnvironmentVariables(String command) {
        int exit = run((command + " --help").split(" "));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: hbew " + command, "--help", "--version");
        assertThat(out.toString().split("Environment", -1)).as("one Environment section").hasSize(2);
    }

    @Test
    void shouldListTheTargetsCommands() {
        int exit = run("targets", "--help");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Usage: hbew targets", "list", "set", "reset");
    }

    @Test
    void shouldReadTheToolsOptionsFromTheEnvironmentAsTheServicesOptions() {
        EnvironmentDefaults env = new EnvironmentDefaults(Map.of("HBEW_RATE", "55", "HBEW_SCENARIO", "slow-pension"));

        var parsed = HbewTools.commandLine(env).parseArgs("simulate", "--rate", "7");
        SimulateCommand simulate = (SimulateCommand) parsed.subcommand().commandSpec().userObject();

        assertThat(simulate.rate).as("the command line over the variable").isEqualTo(7);
        assertThat(simulate.scenario.code()).as("the variable over the default").isEqualTo("slow-pension");
        assertThat(simulate.url.toString()).as("the default, with no variable").isEqualTo("http://localhost:8080");
    }

    @Test
    void shouldNameTheVariableOfEachOption() {
        run("simulate", "--help");

        assertThat(out.toString()).contains("HBEW_URL", "HBEW_RATE", "HBEW_SEED", "HBEW_SCENARIO", "HBEW_LATE_BY",
                "HBEW_DUPLICATE_SHARE", "HBEW_DURATION").doesNotContain("HBEW_HELP", "HBEW_VERSION");
    }

    @Test
    void shouldListTheScenariosInTheSimulateHelp() {
        run("simulate", "--help");

        assertThat(out.toString()).contains("steady", "city-outage", "slow-pension", "emergency-surge");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "simulate --version", "targets set --version"})
    void shouldPrintTheVersionEverywhere(String args) {
        int exit = run(args.split(" "));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("hbew-indicators", "Apache Kafka client 4.4.0");
    }

    @Test
    void shouldRefuseAMissingCommandAsWrongUsage() {
        assertThat(run()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("a command is missing");
    }

    @Test
    void shouldRefuseCityOutageWithoutACity() {
        int exit = run("simulate", "--scenario", "city-outage", "--tokens", "/nonexistent");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--city");
    }

    @Test
    void shouldRefuseAnUnknownScenario() {
        int exit = run("simulate", "--scenario", "meteor");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown scenario 'meteor'", "steady");
    }

    @Test
    void shouldRefuseATargetWithBothBounds() {
        int exit = run("targets", "set", "--item", "18", "--indicator", "direct_settlement_rate", "--at-least", "0.9",
                "--at-most", "0.99");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void shouldRefuseATargetOfAnIndicatorTheItemDoesNotHave() {
        int exit = run("targets", "set", "--item", "18", "--indicator", "dispatch_minutes", "--at-most", "20");

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("'dispatch_minutes' is not an indicator of item 18");
    }

    @Test
    void shouldRefuseAGraceLongerThanTheRetentionBeforeStartingAnything(@TempDir Path dataDir) {
        int exit = run("standalone", "--grace", "40d", "--data-dir", dataDir.toString());

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("grace 40d is too long", "at most 34d");
        assertThat(dataDir).as("nothing started, nothing written").isEmptyDirectory();
    }

    @Test
    void shouldFailWithOneLineWhenTheTokensFileIsMissing() {
        int exit = run("simulate", "--tokens", "/nonexistent/tokens.properties");

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("no tokens file at /nonexistent/tokens.properties").doesNotContain("\tat ");
    }

    @Test
    void shouldOfferEveryCommandOfTheContract() {
        List<String> names = List.copyOf(HbewTools.commandLine().getSubcommands().keySet());

        assertThat(names).contains("simulate", "import", "topics", "targets", "help");
    }

    private int run(String... args) {
        CommandLine commandLine = HbewTools.commandLine(new EnvironmentDefaults(Map.of()));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }
}
