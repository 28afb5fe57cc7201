package org.hbew.indicators.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.GroupProtocol;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.processors.topology.WindowSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The configuration {@code ./hbew processors} derives from its options or their {@code HBEW_*} variables, and
 * the topology settings it shares with {@link ProcessorsConfig#defaults} and with standalone (whose side the tools'
 * StandaloneSettingsTest checks). Nothing is started.
 */
class ProcessorsCommandConfigTest {

    @Test
    void shouldDeriveTheSameDefaultTopologyOnEveryPath() {
        TopologySettings defaults = TopologySettings.builder().build();

        assertThat(config(Map.of()).topology()).as("./hbew processors").isEqualTo(defaults);
        assertThat(ProcessorsConfig.defaults("localhost:9092", Path.of("state")).topology()).as("in code")
                .isEqualTo(defaults);
    }

    @Test
    void shouldCommitAsOftenAsStandaloneDoes() {
        // Under exactly-once a downstream reader sees new figures only at a commit; ./hbew processors once
        // committed every second while standalone and the documentation said 100 ms.
        assertThat(config(Map.of()).commitInterval()).isEqualTo(ProcessorsConfig.DEFAULT_COMMIT_INTERVAL)
                .isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void shouldReadTheSameConfigurationFromTheOptionsAndFromTheEnvironment() {
        // Given every option the configuration is made of, once on the command line and once in the environment
        ProcessorsConfig fromOptions = config(Map.of(), "--bootstrap-servers", "kafka-1:9092",
                "--application-id", "hbew-blue", "--state-dir", "/var/lib/hbew", "--host", "127.0.0.1",
                "--http-port", "18081", "--advertised-host", "processors-1", "--threads", "2",
                "--standby-replicas", "1", "--replication-factor", "3", "--group-protocol", "streams",
                "--windows", "30m,1d", "--grace", "2h", "--dedupe-horizon", "3d", "--status-interval", "10s",
                "--city-silence", "30m");
        ProcessorsConfig fromEnvironment = config(Map.ofEntries(
                Map.entry("HBEW_BOOTSTRAP_SERVERS", "kafka-1:9092"), Map.entry("HBEW_APPLICATION_ID", "hbew-blue"),
                Map.entry("HBEW_STATE_DIR", "/var/lib/hbew"), Map.entry("HBEW_HOST", "127.0.0.1"),
                Map.entry("HBEW_HTTP_PORT", "18081"), Map.entry("HBEW_ADVERTISED_HOST", "processors-1"),
                Map.entry("HBEW_THREADS", "2"), Map.entry("HBEW_STANDBY_REPLICAS", "1"),
                Map.entry("HBEW_REPLICATION_FACTOR", "3"), Map.entry("HBEW_GROUP_PROTOCOL", "streams"),
                Map.entry("HBEW_WINDOWS", "30m,1d"), Map.entry("HBEW_GRACE", "2h"),
                Map.entry("HBEW_DEDUPE_HORIZON", "3d"), Map.entry("HBEW_STATUS_INTERVAL", "10s"),
                Map.entry("HBEW_CITY_SILENCE", "30m")));

        // Then both are the same configuration, with the topology settings as the builder makes them
        assertThat(fromEnvironment).isEqualTo(fromOptions);
        assertThat(fromOptions.topology()).isEqualTo(TopologySettings.builder()
                .windows(List.of(WindowSpec.parse("30m"), WindowSpec.parse("1d")))
                .grace(Duration.ofHours(2))
                .dedupeHorizon(Duration.ofDays(3))
                .statusInterval(Duration.ofSeconds(10))
                .build());
        assertThat(fromOptions.groupProtocol()).isEqualTo(GroupProtocol.STREAMS);
        assertThat(fromOptions.applicationServer()).isEqualTo("processors-1:18081");
    }

    @Test
    void shouldDeriveTheTopologyOfAGraceAsTheBuilderDoes() {
        assertThat(config(Map.of(), "--grace", "2h").topology())
                .isEqualTo(config(Map.of("HBEW_GRACE", "PT2H")).topology())
                .isEqualTo(TopologySettings.builder().grace(Duration.ofHours(2)).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"classic", "streams", "STREAMS"})
    void shouldAcceptTheGroupProtocolsKafkaStreamsAccepts(String protocol) {
        assertThat(config(Map.of(), "--group-protocol", protocol).groupProtocol().name())
                .isEqualToIgnoringCase(protocol);
        assertThat(config(Map.of("HBEW_GROUP_PROTOCOL", protocol)).groupProtocol().name())
                .isEqualToIgnoringCase(protocol);
    }

    @Test
    void shouldRefuseAnUnknownGroupProtocolNamingTheKnownOnes() {
        StringWriter err = new StringWriter();
        CommandLine commandLine = Hbew.commandLine(new EnvironmentDefaults(Map.of("HBEW_GROUP_PROTOCOL", "consumer")));
        commandLine.setOut(new PrintWriter(new StringWriter()));
        commandLine.setErr(new PrintWriter(err));

        int exit = commandLine.execute("processors");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("unknown group protocol 'consumer'; known: classic, streams");
    }

    private static ProcessorsConfig config(Map<String, String> environment, String... options) {
        CommandLine commandLine = Hbew.commandLine(new EnvironmentDefaults(environment));
        String[] args = new String[options.length + 1];
        args[0] = "processors";
        System.arraycopy(options, 0, args, 1, options.length);
        CommandLine.ParseResult parsed = commandLine.parseArgs(args);
        ProcessorsCommand command = parsed.subcommand().commandSpec().commandLine().getCommand();
        return command.config();
    }
}
