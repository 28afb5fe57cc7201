package org.hbew.indicators.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentDefaultsTest {

    @Test
    void shouldNameTheVariableAfterTheLongOption() {
        assertThat(EnvironmentDefaults.variableName("--bootstrap-servers")).isEqualTo("HBEW_BOOTSTRAP_SERVERS");
        assertThat(EnvironmentDefaults.variableName("--simulate-rate")).isEqualTo("HBEW_SIMULATE_RATE");
        assertThat(EnvironmentDefaults.variableName("--url")).isEqualTo("HBEW_URL");
    }

    @Test
    void shouldReadTheVariableOfTheOption() {
        Map<String, String> env = Map.of("HBEW_BOOTSTRAP_SERVERS", "kafka:9092", "HBEW_RATE", " 50 ");

        assertThat(EnvironmentDefaults.lookup("--bootstrap-servers", env)).contains("kafka:9092");
        assertThat(EnvironmentDefaults.lookup("--rate", env)).contains("50");
    }

    @Test
    void shouldIgnoreUnsetAndBlankVariables() {
        Map<String, String> env = Map.of("HBEW_SEED", "   ", "BOOTSTRAP_SERVERS", "elsewhere:9092");

        assertThat(EnvironmentDefaults.lookup("--seed", env)).isEmpty();
        assertThat(EnvironmentDefaults.lookup("--bootstrap-servers", env)).isEmpty();
    }

    @Test
    void shouldLetTheCommandLineWinOverTheVariableAndTheVariableOverTheDefault() {
        EnvironmentDefaults env = new EnvironmentDefaults(Map.of("HBEW_PARTITIONS", "24",
                "HBEW_BOOTSTRAP_SERVERS", "kafka-1:9092"));

        TopicsCommand topics = parse(env, TopicsCommand.class, "topics", "--partitions", "6");
        assertThat(topics.partitions).as("the command line over the variable").isEqualTo(6);
        assertThat(topics.kafka.bootstrapServers).as("the variable over the default").isEqualTo("kafka-1:9092");
        assertThat(topics.replicationFactor).as("the default, with no variable").isEqualTo((short) 1);
    }

    @Test
    void shouldSetABooleanFlagFromTheEnvironment() {
        TopicsCommand topics = parse(new EnvironmentDefaults(Map.of("HBEW_VERIFY_ONLY", "true")), TopicsCommand.class,
                "topics");

        assertThat(topics.verifyOnly).isTrue();
    }

    private static <T> T parse(EnvironmentDefaults env, Class<T> type, String... args) {
        var parsed = Hbew.commandLine(env).parseArgs(args);
        return type.cast(parsed.subcommand().commandSpec().userObject());
    }
}
