package org.hbew.indicators.processors.query;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.records.CityIndicator;

/**
 * An instance for {@link Router} tests: it holds some partitions actively and some as standby, answers
 * what it holds the way {@link LocalStoreReader} does, and can be taken down (then it answers nothing).
 */
final class FakeInstance implements StoreReader {

    final HostInfo host;
    private final Map<Integer, Map<String, StatusState>> active = new HashMap<>();
    private final Map<Integer, Map<String, StatusState>> standby = new HashMap<>();
    private final Map<Integer, List<CityIndicator>> historyActive = new HashMap<>();
    private final Map<Integer, List<CityIndicator>> historyStandby = new HashMap<>();
    private boolean down;
    final List<String> asked = new ArrayList<>();

    FakeInstance(String host, int port) {
        this.host = new HostInfo(host, port);
    }

    FakeInstance active(int partition, Map<String, StatusState> states) {
        active.put(partition, states);
        return this;
    }

    FakeInstance standby(int partition, Map<String, StatusState> states) {
        standby.put(partition, states);
        return this;
    }

    FakeInstance activeHistory(int partition, List<CityIndicator> records) {
        historyActive.put(partition, records);
        return this;
    }

    FakeInstance standbyHistory(int partition, List<CityIndicator> records) {
        historyStandby.put(partition, records);
        return this;
    }

    FakeInstance down() {
        down = true;
        return this;
    }

    @Override
    public CompletableFuture<PartitionAnswer<Map<String, StatusState>>> statuses(Collection<Integer> partitions,
                                                                                  boolean allowStale) {
        asked.add("statuses " + partitions + (allowStale ? " stale" : ""));
        if (down) {
            return CompletableFuture.failedFuture(new StoreUnavailableException("instance " + Router.name(host) + " did not answer"));
        }
        List<PartitionAnswer.Piece<Map<String, StatusState>>> pieces = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int p : partitions) {
            if (active.containsKey(p)) {
                pieces.add(new PartitionAnswer.Piece<>(p, false, active.get(p)));
            } else if (allowStale && standby.containsKey(p)) {
                pieces.add(new PartitionAnswer.Piece<>(p, true, standby.get(p)));
            } else {
                missing.add(p);
            }
        }
        return CompletableFuture.completedFuture(new PartitionAnswer<>(pieces, missing));
    }

    @Override
    public CompletableFuture<PartitionAnswer<Map<String, Long>>> accounting(Collection<Integer> partitions,
                                                                            boolean allowStale) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<Read<List<CityIndicator>>> cityHistory(CityHistory query, int partition,
                                                                    boolean allowStale) {
        asked.add("history " + partition + (allowStale ? " stale" : ""));
        if (!down && historyActive.containsKey(partition)) {
            return CompletableFuture.completedFuture(Read.fresh(historyActive.get(partition)));
        }
        if (!down && allowStale && historyStandby.containsKey(partition)) {
            return CompletableFuture.completedFuture(new Read<>(historyStandby.get(partition), true));
        }
        return CompletableFuture.failedFuture(new StoreUnavailableException("partition " + partition
                + " is not queryable on " + Router.name(host)));
    }

    @Override
    public CompletableFuture<Read<RegionFigures>> region(Region query, int partition, boolean allowStale) {
        throw new UnsupportedOperationException();
    }
}
