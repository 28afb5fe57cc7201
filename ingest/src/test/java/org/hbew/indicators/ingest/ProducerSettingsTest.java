package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    private static final IngestConfig CONFIG = IngestConfig.defaults("kafka:9092", TokenStore.of(Map.of("admin", "t")));

    @Test
    void shouldBeDurableAndIdempotent() {
        Map<String, Object> props = ProducerSettings.producer(CONFIG);

        assertThat(props).containsEntry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true)
                .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    }

    @Test
    void shouldGiveUpWellWithinTheSendTimeoutWhenKafkaIsAway() {
        Map<String, Object> props = ProducerSettings.producer(CONFIG);

        int delivery = (int) props.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG);
        int request = (int) props.get(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG);
        int linger = (int) props.get(ProducerConfig.LINGER_MS_CONFIG);
        int maxBlock = (int) props.get(ProducerConfig.MAX_BLOCK_MS_CONFIG);
        assertThat(delivery).as("Kafka requires delivery >= linger + request timeout").isGreaterThanOrEqualTo(linger + request);
        assertThat(delivery).isLessThan((int) CONFIG.sendTimeout().toMillis());
        assertThat(maxBlock).isLessThan((int) CONFIG.sendTimeout().toMillis());
    }

    @Test
    void shouldLetOverridesWinAndShareConnectionSettingsWithTheAdminClient() {
        IngestConfig config = CONFIG.toBuilder().producerOverrides(Map.of(
                ProducerConfig.LINGER_MS_CONFIG, "20",
                "security.protocol", "SSL",
                ProducerConfig.BATCH_SIZE_CONFIG, "1000")).build();

        Map<String, Object> producer = ProducerSettings.producer(config);
        Map<String, Object> admin = ProducerSettings.admin(config, 2_000);

        assertThat(producer).containsEntry(ProducerConfig.LINGER_MS_CONFIG, "20")
                .containsEntry("security.protocol", "SSL");
        assertThat(admin).containsEntry("security.protocol", "SSL")
                .containsEntry(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092")
                .containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2_000)
                .doesNotContainKey(ProducerConfig.BATCH_SIZE_CONFIG)
                .doesNotContainKey(ProducerConfig.LINGER_MS_CONFIG);
    }
}
