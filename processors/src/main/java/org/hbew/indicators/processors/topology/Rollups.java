package org.hbew.indicators.processors.topology;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.processors.aggregate.CityContribution;
import org.hbew.indicators.processors.aggregate.ItemCityWindow;
import org.hbew.indicators.processors.aggregate.RegionPartials;
import org.hbew.indicators.processors.state.LiveWindowStore;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.RegionIndicator;

/**
 * The rollup store, where the four cities' figures of an item meet: per item and window size (key
 * {@code <item>:<window>}, {@link #key}), at the start of each window, the latest figures of every city that
 * reported in it ({@link RegionPartials}). {@link RollUpCities} keeps it through an instance of this class; the
 * query API and the business metrics read it with {@link #read}. So what an entry holds and what it means (the
 * cities' figures merged, the regional records and flow cells made from them) is written down here only. Public for
 * those readers, which reach the store through interactive queries.
 */
public final class Rollups {

    static final String STORE = "rollup-store";

    private final LiveWindowStore<RegionPartials> store;

    Rollups(LiveWindowStore<RegionPartials> store) {
        this.store = store;
    }

    /** The key of an item's windows of size {@code window}: in the store, and on the repartition topic feeding it. */
    public static String key(int item, String window) {
        return Keys.rollup(item, window);
    }

    /**
     * Replaces one city's figures in a window of the item, and returns the window's rollup with them.
     *
     * @param key the item's {@link #key} for the contribution's window, as the record carries it
     */
    Rollup add(Item item, String key, CityContribution contribution) {
        RegionPartials parts = store.changing(key, contribution.windowStart(), RegionPartials::new)
                .with(contribution.city(), contribution.figures());
        return rollup(item, contribution.window(), contribution.windowStart(), contribution.windowEnd(), parts);
    }

    /**
     * What {@code store} holds of the item in the window of size {@code window} starting at {@code windowStart}, as
     * of its last commit; empty when no city reported in that window.
     */
    public static Optional<Rollup> read(ReadOnlyWindowStore<String, RegionPartials> store, Item item,
                                        WindowSpec window, long windowStart) {
        RegionPartials parts = store.fetch(key(item.number(), window.name()), windowStart);
        if (parts == null || parts.byCity().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(rollup(item, window.name(), windowStart, windowStart + window.sizeMs(), parts));
    }

    private static Rollup rollup(Item item, String window, long windowStart, long windowEnd, RegionPartials parts) {
        return new Rollup(item, window, Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd),
                List.copyOf(parts.byCity().keySet()), parts.merged());
    }

    /**
     * An item's figures in one window, merged from the cities that reported in it.
     *
     * @param cities the cities that reported, in code order
     * @param merged their figures merged: sums added, sketches merged, flow cells added
     */
    public record Rollup(Item item, String window, Instant start, Instant end, List<String> cities,
                         ItemCityWindow merged) {

        /** The window's records of hbew.indicators.region: one per catalog indicator reported. */
        public List<RegionIndicator> indicators(Instant now) {
            return CityOutputs.regionIndicators(item, merged, cities, window, start, end, now);
        }

        /** The window's origin-to-destination cells of hbew.flows; none for an item without a flow. */
        public List<FlowCounts> flows(Instant now) {
            return CityOutputs.flowCounts(item, merged, window, start, end, now);
        }
    }
}
