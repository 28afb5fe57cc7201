package org.hbew.indicators.bench;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.hbew.indicators.kafka.KafkaClientProperties;

/**
 * An existing Kafka cluster the benchmark runs against instead of its embedded broker: a cluster meant for the
 * product before it goes live, or a test cluster. {@link BenchFootprint} keeps it from touching a live product.
 *
 * @param settings          the operator's client settings ({@code --kafka-config}, {@code HBEW_KAFKA_*}), secrets
 *                          included: for the clients, never for display ({@link #visibleSettings()} is)
 * @param replicationFactor of every topic the benchmark creates, Kafka Streams' internal ones included; -1 lets
 *                          the brokers decide (their {@code default.replication.factor})
 * @param timeout           how long to wait for the cluster to answer
 */
public record ExternalCluster(String bootstrapServers, KafkaClientProperties settings, short replicationFactor,
                       Duration timeout) {

    /** The brokers' {@code default.replication.factor}, as Kafka's admin API and Kafka Streams spell it. */
    public static final short BROKER_DEFAULT_REPLICATION = -1;

    public ExternalCluster {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("the bootstrap servers of the external cluster are missing");
        }
        if (replicationFactor < 1 && replicationFactor != BROKER_DEFAULT_REPLICATION) {
            throw new IllegalArgumentException("replication factor must be at least 1 (or -1 for the brokers' "
                    + "default), got " + replicationFactor);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        bootstrapServers = bootstrapServers.strip();
    }

    /** The client settings for the report: every setting by name, a secret's value as {@code [hidden]}. */
    Map<String, String> visibleSettings() {
        Map<String, String> visible = new TreeMap<>();
        settings.asMap().forEach((name, value) ->
                visible.put(name, KafkaClientProperties.isSecret(name) ? "[hidden]" : value));
        return visible;
    }
}
