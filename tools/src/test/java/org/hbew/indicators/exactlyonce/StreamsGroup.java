package org.hbew.indicators.exactlyonce;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.hbew.indicators.kafka.Topics;

/**
 * What the broker knows of the processors' consumer group (the classic protocol, group id = application id):
 * which Kafka Streams clients are members, which partitions of hbew.events.raw each holds, and which offsets are
 * committed. Under exactly-once a committed offset is committed in the same transaction as everything its records
 * produced, so offsets committed up to the end of hbew.events.raw mean every output is on its topic, committed.
 */
final class StreamsGroup implements AutoCloseable {

    private static final String THREAD_SUFFIX = "-StreamThread-";

    private final Admin admin;
    private final String groupId;
    private final int rawPartitions;

    StreamsGroup(String bootstrapServers, String groupId, int rawPartitions) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.groupId = groupId;
        this.rawPartitions = rawPartitions;
    }

    /**
     * The members of a stable group, by Kafka Streams client ({@code <application id>-<process id>}, the client
     * id of its stream threads' consumers without the thread), each with the partitions of hbew.events.raw its
     * threads hold; empty while the group is rebalancing or not there yet.
     */
    Optional<Map<String, Set<Integer>>> stableMembers() throws ExecutionException, InterruptedException {
        ConsumerGroupDescription group = admin.describeConsumerGroups(Set.of(groupId)).describedGroups().get(groupId)
                .get();
        if (group.groupState() != GroupState.STABLE) {
            return Optional.empty();
        }
        Map<String, Set<Integer>> members = new TreeMap<>();
        for (MemberDescription member : group.members()) {
            Set<Integer> raw = members.computeIfAbsent(client(member.clientId()), c -> new TreeSet<>());
            member.assignment().topicPartitions().stream()
                    .filter(p -> p.topic().equals(Topics.RAW.name()))
                    .forEach(p -> raw.add(p.partition()));
        }
        return Optional.of(members);
    }

    /**
     * The committed offset of each partition of hbew.events.raw; empty while any of them has none, or has one that
     * an open transaction may still change (the broker then leaves it out of its answer).
     */
    Optional<Map<Integer, Long>> committedRaw() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId,
                new ListConsumerGroupOffsetsOptions().requireStable(true)).partitionsToOffsetAndMetadata().get();
        Map<Integer, Long> offsets = new TreeMap<>();
        for (int p = 0; p < rawPartitions; p++) {
            OffsetAndMetadata offset = committed.get(new TopicPartition(Topics.RAW.name(), p));
            if (offset == null) {
                return Optional.empty();
            }
            offsets.put(p, offset.offset());
        }
        return Optional.of(offsets);
    }

    /** The end offset of each partition of hbew.events.raw. */
    Map<Integer, Long> rawEnd() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = IntStream.range(0, rawPartitions).boxed()
                .collect(Collectors.toMap(p -> new TopicPartition(Topics.RAW.name(), p), p -> OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get().entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().partition(), e -> e.getValue().offset(), (x, y) -> x, TreeMap::new));
    }

    @Override
    public void close() {
        admin.close();
    }

    private static String client(String consumerClientId) {
        int thread = consumerClientId.indexOf(THREAD_SUFFIX);
        return thread < 0 ? consumerClientId : consumerClientId.substring(0, thread);
    }
}
