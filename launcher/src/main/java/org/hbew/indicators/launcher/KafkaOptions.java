package org.hbew.indicators.launcher;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import picocli.CommandLine.Option;

/**
 * The options of every command that talks to Kafka directly, and the client settings made of them: the
 * cluster, how long to wait for it, and (inherited) {@code --kafka-config}.
 */
final class KafkaOptions extends KafkaConfigOption {

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092", paramLabel = "HOST:PORT[,...]",
            description = "Kafka cluster (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the cluster (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /**
     * Settings shared by admin, producer and consumer: where, who, and how long to wait, then the operator's
     * client settings ({@code --kafka-config}, {@code HBEW_KAFKA_*}) over them.
     */
    Map<String, Object> clientConfig(String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        config.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis);
        config.put(CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        return properties().applyTo(config);
    }
}
