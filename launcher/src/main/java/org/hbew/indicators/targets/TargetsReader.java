package org.hbew.indicators.targets;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.records.TargetRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the compacted {@code hbew.targets} from its beginning to its end as of now, without a consumer
 * group, and keeps the latest record of each key; a tombstone removes its key. A record that does not
 * read as a {@link TargetRecord} is skipped with a warning rather than hiding every other target.
 */
public final class TargetsReader {

    private static final Logger log = LoggerFactory.getLogger(TargetsReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private TargetsReader() {
    }

    /**
     * @param clientConfig at least {@code bootstrap.servers}
     * @return targets by key, in key order
     * @throws IllegalStateException if the topic does not exist or its end is not reached within the timeout
     */
    public static Map<String, TargetRecord> readAll(Map<String, Object> clientConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, TargetRecord> targets = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.TARGETS.name(), timeout);
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + Topics.TARGETS.name()
                        + " does not exist on the cluster; create it with ./hbew topics");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!atEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.TARGETS.name() + " to its end within "
                            + timeout);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    apply(targets, record);
                }
            }
        }
        return targets;
    }

    private static boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static void apply(Map<String, TargetRecord> targets, ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            targets.remove(record.key());
            return;
        }
        try {
            targets.put(record.key(), Topics.TARGETS.valueSerde().deserializer().deserialize(record.topic(),
                    record.value()));
        } catch (SerializationException e) {
            log.warn("Skipping unreadable target {} at offset {}: {}", record.key(), record.offset(), e.getMessage());
        }
    }
}
