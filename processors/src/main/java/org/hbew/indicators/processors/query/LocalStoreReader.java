package org.hbew.indicators.processors.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.processors.aggregate.ItemCityWindow;
import org.hbew.indicators.processors.topology.CityOutputs;
import org.hbew.indicators.processors.topology.Rollups;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.processors.topology.WindowSpec;
import org.hbew.indicators.records.CityIndicator;

/**
 * This instance's answers, from {@link LocalStores}, turned into the records the API serves (the same
 * conversions as the topology's outputs, {@link CityOutputs} and {@link Rollups}). Used for local reads and to
 * answer the other instances' {@code /v1/internal/...} requests. Results are complete futures: local reads are
 * quick.
 */
final class LocalStoreReader implements StoreReader {

    private final LocalStores stores;
    private final Catalog catalog;
    private final TopologySettings settings;
    private final Clock clock;

    LocalStoreReader(LocalStores stores, Catalog catalog, TopologySettings settings, Clock clock) {
        this.stores = stores;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public CompletableFuture<PartitionAnswer<Map<String, StatusState>>> statuses(Collection<Integer> partitions,
                                                                                  boolean allowStale) {
        return CompletableFuture.completedFuture(pieces(partitions, allowStale, stores::statuses));
    }

    @Override
    public CompletableFuture<PartitionAnswer<Map<String, Long>>> accounting(Collection<Integer> partitions,
                                                                            boolean allowStale) {
        return CompletableFuture.completedFuture(pieces(partitions, allowStale, stores::accounting));
    }

    @Override
    public CompletableFuture<Read<List<CityIndicator>>> cityHistory(CityHistory query, int partition,
                                                                    boolean allowStale) {
        return complete(() -> {
            Item item = item(query.item());
            WindowSpec window = settings.window(query.window());
            Instant now = clock.instant();
            Read<List<KeyValue<Long, ItemCityWindow>>> windows = stores.cityWindows(window,
                    Keys.raw(item.number(), query.city()), partition, query.firstStart(), query.lastStart(),
                    allowStale);
            return windows.map(list -> {
                List<CityIndicator> records = new ArrayList<>();
                for (KeyValue<Long, ItemCityWindow> w : list) {
                    Instant start = Instant.ofEpochMilli(w.key);
                    records.addAll(CityOutputs.cityIndicators(item, query.city(), w.value, window.name(), start,
                            start.plus(window.size()), now));
                }
                return records;
            });
        });
    }

    @Override
    public CompletableFuture<Read<RegionFigures>> region(Region query, int partition, boolean allowStale) {
        return complete(() -> {
            Item item = item(query.item());
            WindowSpec window = settings.window(query.window());
            Read<Optional<Rollups.Rollup>> rollup = stores.rollup(item, window, query.windowStart(), partition,
                    allowStale);
            return rollup.map(found -> found.map(r -> {
                Instant now = clock.instant();
                return new RegionFigures(r.cities(), r.indicators(now), r.flows(now));
            }).orElse(RegionFigures.empty()));
        });
    }

    private Item item(int number) {
        return catalog.item(number).orElseThrow(() -> new IllegalArgumentException("no item " + number));
    }

    private static <T> PartitionAnswer<T> pieces(Collection<Integer> partitions, boolean allowStale,
                                                 BiFunction<Integer, Boolean, Read<T>> read) {
        List<PartitionAnswer.Piece<T>> pieces = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int partition : partitions) {
            try {
                Read<T> r = read.apply(partition, allowStale);
                pieces.add(new PartitionAnswer.Piece<>(partition, r.stale(), r.value()));
            } catch (StoreUnavailableException e) {
                missing.add(partition);
            }
        }
        return new PartitionAnswer<>(pieces, missing);
    }

    private static <T> CompletableFuture<T> complete(Supplier<T> body) {
        try {
            return CompletableFuture.completedFuture(body.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
