package org.hbew.indicators.processors.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.KeyValue;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.processors.aggregate.FlowCell;
import org.hbew.indicators.processors.aggregate.IndicatorAccumulator;
import org.hbew.indicators.processors.aggregate.ItemCityWindow;
import org.hbew.indicators.records.CityIndicator;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.RegionIndicator;

/**
 * Turns window figures into the downstream records of hbew.indicators.city, hbew.indicators.region
 * and hbew.flows. Public because the query API answers with the same records, read from the stores.
 */
public final class CityOutputs {

    private CityOutputs() {
    }

    /** One record per indicator the city reported in the window. */
    static List<KeyValue<String, CityIndicator>> cityIndicators(Catalog catalog, ItemCityUpdate update,
                                                                ItemCityUpdate.WindowFigures window, Instant now) {
        Optional<Item> found = catalog.item(update.item());
        if (found.isEmpty()) {
            return List.of();
        }
        Instant start = Instant.ofEpochMilli(window.start());
        Instant end = Instant.ofEpochMilli(window.end());
        List<KeyValue<String, CityIndicator>> out = new ArrayList<>();
        for (CityIndicator record : cityIndicators(found.get(), update.city(), window.figures(),
                window.window().name(), start, end, now)) {
            out.add(KeyValue.pair(Keys.cityIndicator(record.item(), record.city(), record.indicator(), record.window(),
                    start), record));
        }
        return out;
    }

    /** One record per catalog indicator in {@code figures}, in indicator-code order. */
    public static List<CityIndicator> cityIndicators(Item item, String city, ItemCityWindow figures, String window,
                                                     Instant start, Instant end, Instant now) {
        List<CityIndicator> out = new ArrayList<>();
        for (Map.Entry<String, IndicatorAccumulator> e : figures.indicators().entrySet()) {
            item.indicator(e.getKey()).ifPresent(indicator ->
                    out.add(city(item, indicator, city, e.getValue(), window, start, end, now)));
        }
        return out;
    }

    /** The regional record of every catalog indicator in the merged figures of the {@code cities}. */
    public static List<RegionIndicator> regionIndicators(Item item, ItemCityWindow region, List<String> cities,
                                                         String window, Instant start, Instant end, Instant now) {
        List<RegionIndicator> out = new ArrayList<>();
        for (Map.Entry<String, IndicatorAccumulator> e : region.indicators().entrySet()) {
            item.indicator(e.getKey()).ifPresent(indicator ->
                    out.add(region(item, indicator, e.getValue(), window, start, end, cities, now)));
        }
        return out;
    }

    /** The origin-to-destination cells of the item's flow in the merged figures; none for an item without a flow. */
    public static List<FlowCounts> flowCounts(Item item, ItemCityWindow region, String window, Instant start,
                                              Instant end, Instant now) {
        Optional<Flow> flow = item.flow();
        if (flow.isEmpty()) {
            return List.of();
        }
        List<FlowCounts> out = new ArrayList<>();
        for (Map.Entry<String, FlowCell> e : region.flows().entrySet()) {
            ItemCityWindow.Route route = ItemCityWindow.parseCellKey(e.getKey());
            FlowCell cell = e.getValue();
            out.add(new FlowCounts(flow.get().code(), route.origin(), route.destination(), window, start, end,
                    cell.events(), cell.completed(), cell.amount(), now));
        }
        return out;
    }

    static CityIndicator city(Item item, Indicator indicator, String city, IndicatorAccumulator acc, String window,
                              Instant start, Instant end, Instant now) {
        return new CityIndicator(item.number(), city, indicator.code(), indicator.unit().code(),
                indicator.aggregation().code(), indicator.headlineStatistic(), acc.headline(indicator), window, start,
                end, acc.statistics(indicator), now);
    }

    static RegionIndicator region(Item item, Indicator indicator, IndicatorAccumulator acc, String window,
                                  Instant start, Instant end, List<String> cities, Instant now) {
        return new RegionIndicator(item.number(), indicator.code(), indicator.unit().code(),
                indicator.aggregation().code(), indicator.headlineStatistic(), acc.headline(indicator), window, start,
                end, cities, acc.statistics(indicator), now);
    }
}
