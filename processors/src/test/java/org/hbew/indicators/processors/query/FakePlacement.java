package org.hbew.indicators.processors.query;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.state.HostInfo;

/** Placement as a test sets it: each partition's active instance (or none) and standbys. */
final class FakePlacement implements Placement {

    private final HostInfo self;
    private final Map<Integer, Owners> owners = new TreeMap<>();
    private final int keyPartition;

    FakePlacement(HostInfo self, int keyPartition) {
        this.self = self;
        this.keyPartition = keyPartition;
    }

    FakePlacement partition(int partition, HostInfo active, HostInfo... standbys) {
        owners.put(partition, new Owners(partition, active, List.of(standbys)));
        return this;
    }

    @Override
    public HostInfo self() {
        return self;
    }

    @Override
    public Owners ofKey(String store, String key) {
        return owners.get(keyPartition);
    }

    @Override
    public Map<Integer, Owners> ofPartitions(String topic, int partitions) {
        return owners;
    }
}
