package org.hbew.indicators.ingest;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The Kafka client settings of the gateway, as a pure function of its config so that a test can read them.
 *
 * <p>Durable: idempotent with {@code acks=all}, so a retried batch is not duplicated by the producer and an
 * acknowledgement means the event is on every in-sync replica. Throughput: a short linger, 64 KiB batches and
 * lz4. Bounded waiting: {@code max.block.ms} caps how long {@code send()} waits for metadata,
 * {@code delivery.timeout.ms} how long a record may take in all, so an unreachable cluster turns into a 503
 * within about ten seconds instead of a hanging request. Overrides from the config are applied last.
 */
final class ProducerSettings {

    static final int LINGER_MS = 5;
    static final int BATCH_SIZE = 64 * 1024;
    static final int REQUEST_TIMEOUT_MS = 4_000;
    static final int DELIVERY_TIMEOUT_MS = 8_000;
    static final int MAX_BLOCK_MS = 5_000;
    static final int RECONNECT_BACKOFF_MAX_MS = 1_000;

    private ProducerSettings() {
    }

    static Map<String, Object> producer(IngestConfig config) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "hbew-ingest");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, BATCH_SIZE);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, REQUEST_TIMEOUT_MS);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, DELIVERY_TIMEOUT_MS);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, MAX_BLOCK_MS);
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS);
        props.putAll(config.producerOverrides());
        return props;
    }

    /**
     * The readiness probe's admin client: the same cluster and the same connection settings (security, for
     * one) as the producer, and a timeout short enough for a health check.
     */
    static Map<String, Object> admin(IngestConfig config, int timeoutMs) {
        Map<String, Object> props = new HashMap<>();
        config.producerOverrides().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                props.put(key, value);
            }
        });
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                props.getOrDefault(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()));
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "hbew-ingest-readiness");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, RECONNECT_BACKOFF_MAX_MS);
        return props;
    }
}
