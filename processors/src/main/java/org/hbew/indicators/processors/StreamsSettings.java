package org.hbew.indicators.processors;

import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.GroupProtocol;
import org.apache.kafka.streams.StreamsConfig;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.errors.DeadLetteringHandlers;
import org.hbew.indicators.processors.metrics.PipelineMetrics;

/**
 * The Kafka Streams configuration of the processors, in one pure function so the application and
 * the TopologyTestDriver tests run with the same guarantees and handlers.
 */
public final class StreamsSettings {

    /**
     * Kafka Streams' record cache, for the stores that use it (the status store); the stores of the hot path keep
     * live objects of their own and write them at each commit.
     */
    static final long CACHE_BYTES = 16L * 1024 * 1024;

    static final int PRODUCER_LINGER_MS = 5;

    private StreamsSettings() {
    }

    public static Properties properties(ProcessorsConfig config, PipelineMetrics metrics) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.applicationId());
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toString());
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, config.applicationServer());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.streamThreads());
        if (config.groupProtocol() == GroupProtocol.CLASSIC || config.standbyReplicas() > 0) {
            // The streams protocol takes standbys from the broker's group configuration; asked for anyway,
            // Kafka Streams warns that the setting is ignored, which is what the operator needs to read.
            p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.standbyReplicas());
        }
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
        // Kafka Streams lingers 100 ms by default, so at every commit the producer's last batches have not even been
        // sent, and the stream thread waits for a full round trip of them (profiled: a third of its time at a
        // 100 ms commit interval). Sent within milliseconds, most are acknowledged before the commit asks.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), PRODUCER_LINGER_MS);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
        // Idling lets a task that reads several partitions wait for all of them so that it processes in timestamp
        // order across them; every task here reads one partition (raw, or the rollup's repartition topic), so
        // there is nothing to wait for. Left at its default of 0, the check still runs for every record, with
        // a set and formatted log strings each time (profiled: 5 % of the stream thread's CPU). TopologySnapshotTest
        // fails if a sub-topology ever reads two topics.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, StreamsConfig.MAX_TASK_IDLE_MS_DISABLED);
        p.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, config.groupProtocol().name().toLowerCase(Locale.ROOT));
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DLQ.name());
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringHandlers.Processing.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Kafka Streams also reads its configuration inside the partition assignor, from the main consumer's
        // settings, where the line above does not reach; without this it warns at every start that the
        // handler is not enabled for global state.
        p.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetteringHandlers.Deserialization.class);
        p.put(DeadLetteringHandlers.METRICS_CONFIG, metrics);
        if (config.groupProtocol() == GroupProtocol.CLASSIC) {
            // Fail over to another instance within seconds rather than the default 45 s. (The streams
            // protocol takes these from the broker's group configuration instead.)
            p.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 10_000);
            p.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 3_000);
        }
        p.putAll(config.streamsOverrides());
        return p;
    }
}
