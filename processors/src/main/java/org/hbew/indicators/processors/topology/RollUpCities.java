package org.hbew.indicators.processors.topology;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.processors.aggregate.CityContribution;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.RegionIndicator;

/**
 * Merges the four cities' figures of an item and window into the regional figures
 * (hbew.indicators.region) and, for the flow items, the origin-to-destination matrix (hbew.flows).
 * Input is repartitioned by {@code <item>:<window>} ({@link Rollups#key}), so all cities of an item
 * meet here. The store ({@link Rollups}) keeps each city's latest figures per window as live objects
 * (stamped with the window start, so old windows expire with the store's retention; written once per
 * commit) and the outputs are re-merged from them on every update.
 */
final class RollUpCities extends ContextualProcessor<String, CityContribution, String, RollupOutput> {

    private final Catalog catalog;
    private Rollups rollups;

    RollUpCities(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void init(ProcessorContext<String, RollupOutput> context) {
        super.init(context);
        rollups = new Rollups(context.getStateStore(Rollups.STORE));
    }

    @Override
    public void process(Record<String, CityContribution> record) {
        Optional<Item> found = catalog.item(Keys.parseRollup(record.key()).item());
        if (found.isEmpty()) {
            return;
        }
        Item item = found.get();
        Rollups.Rollup rollup = rollups.add(item, record.key(), record.value());
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        for (RegionIndicator indicator : rollup.indicators(now)) {
            String key = Keys.regionIndicator(item.number(), indicator.indicator(), rollup.window(), rollup.start());
            context().forward(record.withKey(key).withValue(new RollupOutput.Region(indicator)));
        }
        for (FlowCounts cell : rollup.flows(now)) {
            String key = Keys.flow(cell.flow(), cell.from(), cell.to(), rollup.window(), rollup.start());
            context().forward(record.withKey(key).withValue(new RollupOutput.Flow(cell)));
        }
    }
}
