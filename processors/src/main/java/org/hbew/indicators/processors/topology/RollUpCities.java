package org.hbew.indicators.processors.topology;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.processors.aggregate.CityContribution;
import org.hbew.indicators.processors.aggregate.ItemCityWindow;
import org.hbew.indicators.processors.aggregate.RegionPartials;
import org.hbew.indicators.processors.state.LiveWindowStore;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.RegionIndicator;

/**
 * Merges the four cities' figures of an item and window into the regional figures
 * (hbew.indicators.region) and, for the flow items, the origin-to-destination matrix (hbew.flows).
 * Input is repartitioned by {@code <item>:<window>} ({@link Keys#rollup}), so all cities of an item
 * meet here. The store keeps each city's latest figures per window as live objects (stamped with the
 * window start, so old windows expire with the store's retention; written once per commit) and the
 * outputs are re-merged from them on every update.
 */
final class RollUpCities extends ContextualProcessor<String, CityContribution, String, RollupOutput> {

    static final String STORE = "rollup-store";

    private final Catalog catalog;
    private LiveWindowStore<RegionPartials> partials;

    RollUpCities(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void init(ProcessorContext<String, RollupOutput> context) {
        super.init(context);
        partials = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, CityContribution> record) {
        CityContribution contribution = record.value();
        Optional<Item> found = catalog.item(Keys.rollupItem(record.key()));
        if (found.isEmpty()) {
            return;
        }
        Item item = found.get();
        RegionPartials parts = partials.get(record.key(), contribution.windowStart());
        parts = (parts == null ? new RegionPartials() : parts).with(contribution.city(), contribution.figures());
        partials.changed(record.key(), contribution.windowStart(), parts);

        ItemCityWindow region = parts.merged();
        List<String> cities = List.copyOf(parts.byCity().keySet());
        Instant start = Instant.ofEpochMilli(contribution.windowStart());
        Instant end = Instant.ofEpochMilli(contribution.windowEnd());
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        for (RegionIndicator indicator : CityOutputs.regionIndicators(item, region, cities, contribution.window(),
                start, end, now)) {
            String key = Keys.regionIndicator(item.number(), indicator.indicator(), contribution.window(), start);
            context().forward(record.withKey(key).withValue(new RollupOutput(indicator, null)));
        }
        for (FlowCounts cell : CityOutputs.flowCounts(item, region, contribution.window(), start, end, now)) {
            String key = Keys.flow(cell.flow(), cell.from(), cell.to(), contribution.window(), start);
            context().forward(record.withKey(key).withValue(new RollupOutput(null, cell)));
        }
    }
}
