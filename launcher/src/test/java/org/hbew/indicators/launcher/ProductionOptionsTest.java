package org.hbew.indicators.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The options a production deployment needs, as the command line offers them: Kafka client settings on every
 * command that talks to Kafka, an address to listen on for every service, secrets that never show, and demo
 * tokens refused unless asked for. Nothing here reaches a broker: each refusal comes before any client is made.
 */
class ProductionOptionsTest {

    private static final String JAAS_SECRET = "jaas-password-never-shown";
    private static final Map<String, String> SECRETS = Map.of(
            "HBEW_KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                    + "username=\"hbew-ingest\" password=\"" + JAAS_SECRET + "\";",
            "HBEW_READ_TOKEN", "read-token-never-shown",
            "HBEW_TLS_KEYSTORE_PASSWORD", "keystore-password-never-shown",
            "HBEW_TOKENS", "hohhot=city-token-never-shown,admin=admin-token-never-shown");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "processors", "topics", "targets list", "targets set", "targets reset", "acls"})
    void shouldOfferTheKafkaConfigFileToEveryCommandThatTalksToKafka(String command) {
        int exit = run(Map.of(), (command + " --help").split(" "));

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("--kafka-config=FILE", "--command-config", "HBEW_KAFKA_<PROPERTY>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "processors"})
    void shouldLetEveryServiceBeToldWhereToListen(String command) {
        run(Map.of(), command, "--help");

        assertThat(out.toString()).contains("--host=ADDRESS", "HBEW_HOST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ingest", "processors", "topics", "targets set"})
    void shouldNeverShowASecretInTheHelp(String command) {
        int exit = run(SECRETS, (command + " --help").split(" "));

        assertThat(exit).isZero();
        assertThat(out.toString() + err).doesNotContain(JAAS_SECRET, "never-shown");
    }

    @Test
    void shouldRefuseTheDemoTokensUnlessTheOperatorSaysItIsADemo() {
        int exit = run(Map.of("HBEW_TOKENS", "hohhot=demo-hohhot-token,admin=demo-admin-token"), "ingest",
                "--bootstrap-servers", "127.0.0.1:1");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("refusing the demo tokens", "HBEW_DEMO=1")
                .doesNotContain("demo-hohhot-token");
    }

    @Test
    void shouldRefuseADemoReadTokenOfTheProcessors(@TempDir Path dir) {
        int exit = run(Map.of("HBEW_READ_TOKEN", "demo-reader-token"), "processors", "--bootstrap-servers",
                "127.0.0.1:1", "--state-dir", dir.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("refusing the demo tokens");
    }

    @Test
    void shouldNameAKafkaConfigFileThatIsNotThere(@TempDir Path dir) {
        Path missing = dir.resolve("client.properties");

        int exit = run(Map.of(), "topics", "--verify-only", "--kafka-config", missing.toString());

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no Kafka client config file at " + missing);
    }

    @Test
    void shouldDetectDemoTokensAndTheOperatorsConsent() {
        assertThat(DemoTokens.isDemo("demo-reader-token")).isTrue();
        assertThat(DemoTokens.isDemo("zq3-random")).isFalse();
        assertThat(DemoTokens.demoAllowed(Map.of("HBEW_DEMO", "1"))).isTrue();
        assertThat(DemoTokens.demoAllowed(Map.of("HBEW_DEMO", "0"))).isFalse();
        assertThat(DemoTokens.demoAllowed(Map.of())).isFalse();
    }

    @Test
    void shouldReadTheReaderLineOfTheTokensFileAsTheReadToken(@TempDir Path dir) throws Exception {
        Path tokens = Files.writeString(dir.resolve("tokens.properties"), "hohhot=h\nreader=from-the-file\n");
        ReadTokenOptions options = new ReadTokenOptions();
        CommandLine commandLine = Hbew.commandLine(new EnvironmentDefaults(Map.of()));

        String fromFile = options.token(commandLine.getCommandSpec(),
                java.util.Optional.of(TokensFiles.read(tokens)));
        options.readToken = "from-the-option";
        String fromOption = options.token(commandLine.getCommandSpec(), java.util.Optional.of(TokensFiles.read(tokens)));

        assertThat(fromFile).isEqualTo("from-the-file");
        assertThat(fromOption).isEqualTo("from-the-option");
    }

    private int run(Map<String, String> environment, String... args) {
        CommandLine commandLine = Hbew.commandLine(new EnvironmentDefaults(environment));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }
}
