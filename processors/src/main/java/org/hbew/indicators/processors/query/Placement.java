package org.hbew.indicators.processors.query;

import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which instance holds what, as Kafka Streams' metadata says: the active copy and the standby replicas of
 * a key's partition, or of every partition of a topic. Behind an interface so {@link Router}'s choices
 * are tested without a cluster ({@link StreamsPlacement} is the real one).
 */
interface Placement {

    /** The instance asking, as other instances know it ({@code application.server}). */
    HostInfo self();

    /**
     * Where the partition of {@code key} in {@code store} lives.
     *
     * @throws StoreUnavailableException when Kafka Streams is not running or its metadata is not known yet
     */
    Owners ofKey(String store, String key);

    /**
     * Where each partition of {@code topic} (0 to {@code partitions - 1}) lives; a partition with no known
     * active instance has a null {@link Owners#active()}.
     *
     * @throws StoreUnavailableException when Kafka Streams is not running
     */
    Map<Integer, Owners> ofPartitions(String topic, int partitions);

    /**
     * @param active   the instance with the active task, or null while none is known (rebalancing)
     * @param standbys instances with a standby replica
     */
    record Owners(int partition, HostInfo active, List<HostInfo> standbys) {

        public Owners {
            standbys = List.copyOf(standbys);
        }
    }
}
