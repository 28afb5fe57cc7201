package org.hbew.indicators.processors.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.records.CityIndicator;

/**
 * The reads one instance answers from its own stores, whether it is this one ({@link LocalStoreReader}) or
 * another one over HTTP ({@link RemoteStoreReader}). Reads of a key name the key's partition; a partition
 * the instance does not hold fails with {@link StoreUnavailableException}. With {@code allowStale} an
 * instance also answers from a standby replica or a store that is restoring, and says so.
 */
interface StoreReader {

    CompletableFuture<PartitionAnswer<Map<String, StatusState>>> statuses(Collection<Integer> partitions,
                                                                           boolean allowStale);

    CompletableFuture<PartitionAnswer<Map<String, Long>>> accounting(Collection<Integer> partitions,
                                                                     boolean allowStale);

    CompletableFuture<Read<List<CityIndicator>>> cityHistory(CityHistory query, int partition, boolean allowStale);

    CompletableFuture<Read<RegionFigures>> region(Region query, int partition, boolean allowStale);

    /** One city's windows of an item: those of size {@code window} starting in {@code [firstStart, lastStart]}. */
    record CityHistory(int item, String city, String window, long firstStart, long lastStart) {
    }

    /** An item's regional figures in the window of size {@code window} starting at {@code windowStart}. */
    record Region(int item, String window, long windowStart) {
    }
}
