package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hbew.indicators.kafka.KafkaClientProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineRunTest {

    @Test
    void shouldRunProducerPerformanceWithTheGatewaysSettingsOnRealPayloadsAndKeys() {
        List<String> arguments = BaselineRun.arguments("127.0.0.1:40000", Optional.empty(),
                Path.of("/tmp/b0.ndjson"), 1_000_000, 200_000, 88);

        assertThat(arguments).containsSequence("--num-records", "1200000", "--warmup-records", "200000",
                "--payload-file", "/tmp/b0.ndjson", "--throughput", "-1", "--key-distribution", "random",
                "--record-key-range", "88", "--bootstrap-server", "127.0.0.1:40000", "--command-property");
        List<String> properties = arguments.subList(arguments.indexOf("--command-property") + 1, arguments.size());
        assertThat(properties).contains("acks=all", "enable.idempotence=true", "compression.type=lz4",
                "linger.ms=5", "batch.size=65536", "max.in.flight.requests.per.connection=5")
                .hasSize(GatewayProducerSettings.producer("x").size() - 1)
                .noneMatch(p -> p.startsWith("bootstrap.servers="));
        assertThat(arguments).doesNotContain("--command-config");
    }

    @Test
    void shouldHandTheOperatorsClientSettingsToTheToolInAFileThatWinsOverTheGatewaysSettings(@TempDir Path dir)
            throws IOException {
        KafkaClientProperties settings = KafkaClientProperties.of(Map.of("security.protocol", "SASL_SSL",
                "sasl.jaas.config", "secret", "linger.ms", "20"));
        try (KafkaConfigFile file = KafkaConfigFile.write(dir.resolve("b0-producer.properties"), settings)) {
            List<String> arguments = BaselineRun.arguments("kafka-1:9092", Optional.of(file),
                    Path.of("/tmp/b0.ndjson"), 1_000, 200, 88);

            assertThat(arguments).containsSequence("--bootstrap-server", "kafka-1:9092", "--command-config",
                    file.path().toString(), "--command-property");
            List<String> properties = arguments.subList(arguments.indexOf("--command-property") + 1,
                    arguments.size());
            assertThat(properties).contains("acks=all", "batch.size=65536").doesNotContain("linger.ms=5")
                    .noneMatch(p -> p.contains("secret"));
        }
    }
}
