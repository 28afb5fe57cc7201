package org.hbew.indicators.processors.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.processors.aggregate.ItemCityWindow;
import org.hbew.indicators.processors.aggregate.RegionPartials;
import org.hbew.indicators.processors.topology.Accounting;
import org.hbew.indicators.processors.topology.Rollups;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.processors.topology.StoreNames;
import org.hbew.indicators.processors.topology.WindowSpec;
import org.hbew.indicators.records.TargetRecord;

/**
 * Reads this instance's state stores, one partition at a time, and nothing else: which instance should
 * be asked is {@link Router}'s business. Every read names its partition, so that a partition that is not
 * (or no longer) here fails instead of quietly answering "nothing".
 *
 * <p>A read first asks for the active store with its stream thread running, the guarantee Kafka Streams
 * gives for fresh data. When that fails and the caller accepts stale data, it asks again with
 * {@code enableStaleStores()}, which also finds standby replicas and active stores still restoring, and
 * marks the result stale.
 */
final class LocalStores {

    private final KafkaStreams streams;

    LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Every status state of one partition of the status store. */
    Read<Map<String, StatusState>> statuses(int partition, boolean allowStale) {
        return read(StoreNames.STATUS, QueryableStoreTypes.<String, StatusState>keyValueStore(), partition,
                allowStale, LocalStores::all);
    }

    /** The accounting totals of one partition's task, outcome key to count. */
    Read<Map<String, Long>> accounting(int partition, boolean allowStale) {
        return read(StoreNames.ACCOUNTING, QueryableStoreTypes.<String, Long>keyValueStore(), partition, allowStale,
                store -> {
                    Map<String, Long> totals = new LinkedHashMap<>();
                    Accounting.read(store).forEach((outcome, n) -> totals.put(outcome.key(), n));
                    return totals;
                });
    }

    /** A city's figures for an item in the windows starting in {@code [firstStart, lastStart]}, by window start. */
    Read<List<KeyValue<Long, ItemCityWindow>>> cityWindows(WindowSpec window, String itemCityKey, int partition,
                                                          long firstStart, long lastStart, boolean allowStale) {
        return read(StoreNames.city(window), QueryableStoreTypes.<String, ItemCityWindow>windowStore(), partition,
                allowStale, store -> {
                    List<KeyValue<Long, ItemCityWindow>> windows = new ArrayList<>();
                    try (WindowStoreIterator<ItemCityWindow> it = store.fetch(itemCityKey,
                            Instant.ofEpochMilli(firstStart), Instant.ofEpochMilli(lastStart))) {
                        it.forEachRemaining(windows::add);
                    }
                    return windows;
                });
    }

    /** The cities' figures of an item in the window starting at {@code windowStart}; empty if none reported. */
    Read<Optional<Rollups.Rollup>> rollup(Item item, WindowSpec window, long windowStart, int partition,
                                          boolean allowStale) {
        return read(StoreNames.ROLLUP, QueryableStoreTypes.<String, RegionPartials>windowStore(), partition,
                allowStale, (ReadOnlyWindowStore<String, RegionPartials> store) ->
                        Rollups.read(store, item, window, windowStart));
    }

    /** The global targets store: every instance has all of it. */
    ReadOnlyKeyValueStore<String, TargetRecord> targets() {
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.TARGETS,
                    QueryableStoreTypes.keyValueStore()));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw new StoreUnavailableException(StoreNames.TARGETS + " is not queryable yet: " + e.getMessage());
        }
    }

    private <S, R> Read<R> read(String storeName, QueryableStoreType<S> type, int partition, boolean allowStale,
                                Function<S, R> query) {
        StoreQueryParameters<S> active = StoreQueryParameters.fromNameAndType(storeName, type).withPartition(partition);
        try {
            return Read.fresh(query.apply(streams.store(active)));
        } catch (InvalidStateStoreException | IllegalStateException e) {
            if (!allowStale) {
                throw unavailable(storeName, partition, e);
            }
        }
        try {
            return new Read<>(query.apply(streams.store(active.enableStaleStores())), true);
        } catch (InvalidStateStoreException | IllegalStateException e) {
            throw unavailable(storeName, partition, e);
        }
    }

    private static StoreUnavailableException unavailable(String storeName, int partition, RuntimeException cause) {
        return new StoreUnavailableException("partition " + partition + " of " + storeName
                + " is not queryable on this instance: " + cause.getMessage());
    }

    private static <V> Map<String, V> all(ReadOnlyKeyValueStore<String, V> store) {
        Map<String, V> entries = new LinkedHashMap<>();
        try (KeyValueIterator<String, V> it = store.all()) {
            it.forEachRemaining(kv -> entries.put(kv.key, kv.value));
        }
        return entries;
    }
}
