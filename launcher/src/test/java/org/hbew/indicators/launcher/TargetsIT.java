package org.hbew.indicators.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Arrays;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.CommonClientConfigs;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.records.TargetRecord;
import org.hbew.indicators.targets.TargetSeeder;
import org.hbew.indicators.targets.TargetsReader;
import org.hbew.indicators.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Seeding, listing, setting and resetting targets on a real hbew.targets. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TargetsIT {

    private static TestStack stack;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        stack = TestStack.withTopics();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldSeedListSetAndResetTargets() {
        Map<String, Object> client = Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers());
        TargetSeeder seeder = new TargetSeeder(CatalogLoader.loadDefault(), client, Duration.ofSeconds(30),
                Clock.systemUTC());

        // Seeding publishes the 11 catalog defaults once
        assertThat(seeder.seed()).hasSize(11);
        assertThat(run("targets", "list")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString().lines()).anySatisfy(row -> assertThat(row.split(" +"))
                .containsSubsequence("18", "direct_settlement_rate", "all", "at_least", "0.9", "1d", "catalog"));

        // An operator overrides the default for all cities and sets one for Ordos
        assertThat(run("targets", "set", "--item", "18", "--indicator", "direct_settlement_rate", "--at-least", "0.95"))
                .as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(run("targets", "set", "--item", "21", "--indicator", "dispatch_minutes", "--at-most", "20",
                "--city", "ordos", "--window", "1h")).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Set 21:dispatch_minutes:ordos: at_most 20 per 1h");

        // Seeding again keeps the operator's target
        assertThat(seeder.seed()).isEmpty();
        Map<String, TargetRecord> targets = TargetsReader.readAll(client, Duration.ofSeconds(30));
        assertThat(targets.get("18:direct_settlement_rate").value()).isEqualTo(0.95);
        assertThat(targets.get("18:direct_settlement_rate").source()).isEqualTo(TargetRecord.SOURCE_OPERATOR);
        assertThat(targets.get("21:dispatch_minutes:ordos").window()).isEqualTo("1h");

        // Resetting Ordos' target removes it; resetting again finds nothing to reset
        assertThat(run("targets", "reset", "--item", "21", "--indicator", "dispatch_minutes", "--city", "ordos"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("Reset 21:dispatch_minutes:ordos", "now applies: the target for all cities");
        assertThat(run("targets", "reset", "--item", "21", "--indicator", "dispatch_minutes", "--city", "ordos"))
                .isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("nothing to reset");

        assertThat(run("targets", "list")).isEqualTo(ExitCodes.OK);
        List<String> rows = out.toString().lines().toList();
        assertThat(rows).hasSize(1 + 11);
        assertThat(rows).anySatisfy(r -> assertThat(r).contains("direct_settlement_rate", "0.95", "operator"))
                .noneSatisfy(r -> assertThat(r).contains("ordos"));
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] withServers = Stream.concat(Arrays.stream(args),
                Stream.of("--bootstrap-servers", stack.bootstrapServers())).toArray(String[]::new);
        var commandLine = Hbew.commandLine(new EnvironmentDefaults(Map.of()));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(withServers);
    }
}
