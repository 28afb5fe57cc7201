package org.hbew.indicators.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaClientPropertiesTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required "
            + "username=\"hbew-ingest\" password=\"s3cret-pw\";";

    @TempDir
    Path dir;

    @Test
    void shouldReadTheFileInTheCommandConfigConvention() throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), """
                # as for kafka-topics.sh --command-config
                security.protocol=SASL_SSL
                sasl.mechanism=SCRAM-SHA-512
                sasl.jaas.config=%s
                ssl.truststore.location=/etc/hbew/truststore.p12
                """.formatted(JAAS.replace("\"", "\\\"")));

        KafkaClientProperties properties = KafkaClientProperties.load(Optional.of(file), Map.of());

        assertThat(properties.asMap()).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                Map.entry("sasl.jaas.config", JAAS),
                Map.entry("ssl.truststore.location", "/etc/hbew/truststore.p12"));
    }

    @Test
    void shouldLetTheEnvironmentWinOverTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("client.properties"), "security.protocol=SSL\nclient.rack=a\n");
        Map<String, String> env = Map.of("HBEW_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "HBEW_KAFKA_SSL_TRUSTSTORE_PASSWORD", "trust-pw", "HBEW_BOOTSTRAP_SERVERS", "elsewhere:9092");

        KafkaClientProperties properties = KafkaClientProperties.load(Optional.of(file), env);

        assertThat(properties.asMap()).containsOnly(
                Map.entry("security.protocol", "SASL_SSL"),
                Map.entry("client.rack", "a"),
                Map.entry("ssl.truststore.password", "trust-pw"));
    }

    @Test
    void shouldNotTakeTheLauncherOwnVariablesForProperties() {
        Map<String, String> env = Map.of("HBEW_KAFKA_CONFIG", "/etc/hbew/kafka.properties", "HBEW_KAFKA_PORT", "9092",
                "HBEW_KAFKA_", "x", "HBEW_KAFKA_SASL_MECHANISM", " ");

        assertThat(KafkaClientProperties.load(Optional.empty(), env).isEmpty()).isTrue();
    }

    @Test
    void shouldNameThePropertyOfAVariable() {
        assertThat(KafkaClientProperties.propertyName("HBEW_KAFKA_SECURITY_PROTOCOL")).isEqualTo("security.protocol");
        assertThat(KafkaClientProperties.propertyName("HBEW_KAFKA_SASL_JAAS_CONFIG")).isEqualTo("sasl.jaas.config");
    }

    @Test
    void shouldHideEverySecretWhenDescribed() {
        KafkaClientProperties properties = KafkaClientProperties.of(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.password", "trust-pw",
                "ssl.keystore.key", "-----BEGIN PRIVATE KEY-----",
                "producer.sasl.jaas.config", JAAS,
                "sasl.oauthbearer.client.credentials.client.secret", "oauth-secret"));

        String described = properties.describe();

        assertThat(described).contains("security.protocol=SASL_SSL", "sasl.jaas.config=[hidden]",
                "ssl.truststore.password=[hidden]", "producer.sasl.jaas.config=[hidden]")
                .doesNotContain("s3cret-pw", "trust-pw", "PRIVATE KEY", "oauth-secret");
        assertThat(properties.toString()).doesNotContain("s3cret-pw", "trust-pw", "oauth-secret");
    }

    @Test
    void shouldApplyTheSettingsOverTheCommandsOwn() {
        Map<String, Object> merged = KafkaClientProperties.of(Map.of("security.protocol", "SSL"))
                .applyTo(Map.of("bootstrap.servers", "kafka:9092", "security.protocol", "PLAINTEXT"));

        assertThat(merged).containsOnly(Map.entry("bootstrap.servers", "kafka:9092"),
                Map.entry("security.protocol", "SSL"));
    }

    @Test
    void shouldNameAMissingFile() {
        Path missing = dir.resolve("nowhere.properties");

        assertThatThrownBy(() -> KafkaClientProperties.load(Optional.of(missing), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no Kafka client config file at " + missing);
    }

    @Test
    void shouldDescribeNoSettingsAsNone() {
        assertThat(KafkaClientProperties.none().describe()).isEqualTo("none");
    }
}
