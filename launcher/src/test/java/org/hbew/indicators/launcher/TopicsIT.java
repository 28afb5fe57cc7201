package org.hbew.indicators.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hbew.indicators.testing.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ./hbew topics} against a real broker: creates what is missing and seeds the catalog's default
 * targets once, and verification finds differences.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TopicsIT {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void shouldCreateTheTopicsThenVerifyThemAndReportDifferences() {
        try (TestStack stack = TestStack.brokerOnly()) {
            String servers = stack.bootstrapServers();

            int missing = run("topics", "--bootstrap-servers", servers, "--verify-only");
            assertThat(missing).as(err.toString()).isEqualTo(ExitCodes.DIFFERENCES);
            assertThat(out.toString()).contains("hbew.events.raw", "missing");

            int created = run("topics", "--bootstrap-servers", servers, "--partitions", "3");
            assertThat(created).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).contains("created", "8 topics as defined",
                    "11 default target(s) of the catalog published to hbew.targets");

            int again = run("topics", "--bootstrap-servers", servers, "--partitions", "3");
            assertThat(again).as(err.toString()).isEqualTo(ExitCodes.OK);
            assertThat(out.toString()).as("defaults are published once").contains("0 default target(s)");

            int verified = run("topics", "--bootstrap-servers", servers, "--partitions", "3", "--verify-only");
            assertThat(verified).as(err.toString()).isEqualTo(ExitCodes.OK);

            int different = run("topics", "--bootstrap-servers", servers, "--partitions", "6", "--verify-only");
            assertThat(different).isEqualTo(ExitCodes.DIFFERENCES);
            assertThat(out.toString()).contains("hbew.events.raw: has 3 partitions, expected 6")
                    .doesNotContain("hbew.targets: has");
        }
    }

    @Test
    void shouldFailWithOneLineWhenTheClusterCannotBeReached() {
        int exit = run("topics", "--bootstrap-servers", "127.0.0.1:1", "--timeout", "3s");

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).startsWith("hbew topics: ").doesNotContain("\tat ");
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        var commandLine = Hbew.commandLine(new EnvironmentDefaults(Map.of()));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }
}
