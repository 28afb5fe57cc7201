package org.hbew.indicators.processors.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.City;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.topology.Rollups;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.processors.topology.StoreNames;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.processors.topology.WindowSpec;
import org.hbew.indicators.records.CityIndicator;

/**
 * The figures behind the indicators: a city's windows of an item (city stores, keyed {@code <item>:<city>}),
 * the regional rollup and flow cells (rollup store, keyed {@code <item>:<window>}) and the accounting of raw
 * records (per task). Every read goes through {@link Router} to the instance holding it; an answer built
 * from any stale read is stale as a whole.
 */
final class FigureQueries {

    private final Router router;
    private final StatusQueries statuses;
    private final Catalog catalog;
    private final TopologySettings settings;
    private final Clock clock;

    FigureQueries(Router router, StatusQueries statuses, Catalog catalog, TopologySettings settings, Clock clock) {
        this.router = router;
        this.statuses = statuses;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    /** {@code GET /v1/items/{item}/cities/{city}}: the city's records of the item in the windows of the range. */
    Read<List<CityIndicator>> cityHistory(Item item, City city, WindowSpec window, QueryParams.WindowRange range) {
        StoreReader.CityHistory query = new StoreReader.CityHistory(item.number(), city.code(), window.name(),
                range.firstStart(), range.lastStart());
        return router.byKey(StoreNames.city(window), Keys.raw(item.number(), city.code()),
                (reader, partition, allowStale) -> reader.cityHistory(query, partition, allowStale));
    }

    /** An item's regional figures in the window of size {@code window} starting at {@code windowStart}. */
    Read<RegionFigures> region(Item item, WindowSpec window, long windowStart) {
        StoreReader.Region query = new StoreReader.Region(item.number(), window.name(), windowStart);
        return router.byKey(StoreNames.ROLLUP, Rollups.key(item.number(), window.name()),
                (reader, partition, allowStale) -> reader.region(query, partition, allowStale));
    }

    /** {@code GET /v1/items/{item}}: the item, each city's statuses and current figures, the region's figures. */
    Read<ItemViews.ItemDetail> item(Item item) {
        Instant now = clock.instant();
        StatusGrid.TargetLookup targets = statuses.targets();
        Read<Map<String, StatusState>> states = statuses.states();
        GridView.ItemRow row = statuses.grid(targets).row(item, states.value());
        boolean stale = states.stale();

        List<ItemViews.CityFigures> cities = new ArrayList<>();
        for (GridView.CityCell cell : row.cities()) {
            City city = catalog.city(cell.city()).orElseThrow();
            List<CityIndicator> current = new ArrayList<>();
            for (WindowSpec window : settings.windows()) {
                long start = window.startOf(now.toEpochMilli());
                Read<List<CityIndicator>> figures = cityHistory(item, city, window,
                        new QueryParams.WindowRange(start, start));
                current.addAll(figures.value());
                stale |= figures.stale();
            }
            cities.add(new ItemViews.CityFigures(city.code(), city.nameEn(), city.nameZh(), cell.status(),
                    cell.indicators(), current));
        }

        List<ItemViews.RegionWindow> region = new ArrayList<>();
        for (WindowSpec window : settings.windows()) {
            long start = window.startOf(now.toEpochMilli());
            Read<RegionFigures> figures = region(item, window, start);
            region.add(new ItemViews.RegionWindow(window.name(), Instant.ofEpochMilli(start),
                    Instant.ofEpochMilli(start).plus(window.size()), figures.value().cities(),
                    figures.value().indicators()));
            stale |= figures.stale();
        }
        ItemViews.ItemSummary summary = ItemSummaries.of(item, targets, StatusGrid.counts(row));
        return new Read<>(new ItemViews.ItemDetail(now, summary, cities, region), stale);
    }

    /** {@code GET /v1/flows}: the matrices of {@code flows} in the window of size {@code window} holding {@code at}. */
    Read<FlowsView> flows(List<Flow> flows, WindowSpec window, Instant at) {
        long start = window.startOf(at.toEpochMilli());
        List<FlowsView.Matrix> matrices = new ArrayList<>();
        boolean stale = false;
        for (Flow flow : flows) {
            Item item = catalog.itemOf(flow).orElseThrow(() -> new IllegalStateException("no item reports " + flow));
            Read<RegionFigures> figures = region(item, window, start);
            matrices.add(FlowMatrices.build(flow, item, catalog.cityCodes(), figures.value().flows()));
            stale |= figures.stale();
        }
        return new Read<>(new FlowsView(window.name(), Instant.ofEpochMilli(start),
                Instant.ofEpochMilli(start).plus(window.size()), catalog.cityCodes(), matrices), stale);
    }

    /** {@code GET /v1/accounting}: the accounting of every partition of hbew.events.raw, each counted once. */
    Read<AccountingView> accounting() {
        int partitions = settings.rawPartitions();
        List<Integer> all = IntStream.range(0, partitions).boxed().toList();
        return router.byPartitions(Topics.RAW.name(), partitions, all, StoreReader::accounting)
                .map(byPartition -> AccountingView.sum(List.copyOf(byPartition.values())));
    }
}
