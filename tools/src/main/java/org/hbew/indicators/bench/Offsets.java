package org.hbew.indicators.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * End offsets of a topic and the offsets a consumer group (a Kafka Streams application id) has committed on it,
 * through one admin client. This is how every Kafka Streams job of the benchmark is timed: it has worked off a
 * set of records once its committed offsets reach their end offsets, which under exactly_once_v2 also means its
 * output and state for them are committed.
 */
final class Offsets implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Admin admin;

    /**
     * @param adminConfig settings of an admin client of the cluster, security included
     */
    Offsets(Map<String, Object> adminConfig) {
        this.admin = Admin.create(adminConfig);
    }

    /** The end offset of every partition of {@code topic}. */
    Map<TopicPartition, Long> end(String topic) {
        List<TopicPartition> partitions = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic)
                .partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition()))
                .toList();
        Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos = get(admin.listOffsets(latest).all());
        Map<TopicPartition, Long> end = new LinkedHashMap<>();
        partitions.forEach(p -> end.put(p, infos.get(p).offset()));
        return end;
    }

    /** What {@code group} has committed on the partitions of {@code target}; partitions without a commit left out. */
    Map<TopicPartition, Long> committed(String group, Map<TopicPartition, Long> target) {
        ListConsumerGroupOffsetsSpec spec = new ListConsumerGroupOffsetsSpec().topicPartitions(target.keySet());
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(Map.of(group, spec))
                .partitionsToOffsetAndMetadata(group));
        Map<TopicPartition, Long> committed = new LinkedHashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    /** How a wait for a group's commits ended: caught up or not, what was left, and when it was last read. */
    record Wait(boolean caughtUp, long behind, long atNanos) {
    }

    /**
     * Reads {@code group}'s committed offsets every {@code poll} until they reach {@code target} or the deadline
     * (a {@link System#nanoTime()} reading) passes.
     */
    Wait awaitCommitted(String group, Map<TopicPartition, Long> target, long deadlineNanos, Duration poll)
            throws InterruptedException {
        while (true) {
            long behind = behind(target, committed(group, target));
            long now = System.nanoTime();
            if (behind == 0 || now >= deadlineNanos) {
                return new Wait(behind == 0, behind, now);
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /** Records between {@code committed} and {@code target}: what is left to work off (0 once caught up). */
    static long behind(Map<TopicPartition, Long> target, Map<TopicPartition, Long> committed) {
        return target.entrySet().stream()
                .mapToLong(e -> Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), 0L)))
                .sum();
    }

    /** All records up to {@code end}: the sum of the end offsets, on a topic no one writes in transactions. */
    static long total(Map<TopicPartition, Long> end) {
        return end.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public void close() {
        admin.close(TIMEOUT);
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the broker for offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read offsets from the broker: " + e, e);
        }
    }
}
