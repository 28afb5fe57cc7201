package org.hbew.indicators.processors.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * {@link Placement} from a running Kafka Streams instance: {@code queryMetadataForKey} for a key (with the
 * String serializer and default partitioner that put the key on its partition, raw topic and rollup
 * repartition topic alike), and {@code metadataForAllStreamsClients()} for every partition of a topic.
 */
final class StreamsPlacement implements Placement {

    private final KafkaStreams streams;
    private final HostInfo self;

    StreamsPlacement(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    @Override
    public HostInfo self() {
        return self;
    }

    @Override
    public Owners ofKey(String store, String key) {
        requireQueryable();
        KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key, Serdes.String().serializer());
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("Kafka Streams is " + streams.state() + "; " + e.getMessage());
        }
        if (metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || metadata.partition() < 0) {
            throw new StoreUnavailableException("where " + store + " keeps '" + key + "' is not known yet; "
                    + "Kafka Streams is " + streams.state());
        }
        HostInfo active = HostInfo.unavailable().equals(metadata.activeHost()) ? null : metadata.activeHost();
        return new Owners(metadata.partition(), active, List.copyOf(metadata.standbyHosts()));
    }

    @Override
    public Map<Integer, Owners> ofPartitions(String topic, int partitions) {
        requireQueryable();
        List<StreamsMetadata> clients;
        try {
            clients = List.copyOf(streams.metadataForAllStreamsClients());
        } catch (IllegalStateException e) {
            throw new StoreUnavailableException("Kafka Streams is " + streams.state() + "; " + e.getMessage());
        }
        Map<Integer, Owners> owners = new TreeMap<>();
        for (int p = 0; p < partitions; p++) {
            TopicPartition tp = new TopicPartition(topic, p);
            HostInfo active = null;
            List<HostInfo> standbys = new ArrayList<>();
            for (StreamsMetadata client : clients) {
                if (client.topicPartitions().contains(tp)) {
                    active = client.hostInfo();
                }
                if (client.standbyTopicPartitions().contains(tp)) {
                    standbys.add(client.hostInfo());
                }
            }
            owners.put(p, new Owners(p, active, standbys));
        }
        return owners;
    }

    private void requireQueryable() {
        KafkaStreams.State state = streams.state();
        if (!state.isRunningOrRebalancing()) {
            throw new StoreUnavailableException("Kafka Streams is " + state + ", not RUNNING");
        }
    }
}
