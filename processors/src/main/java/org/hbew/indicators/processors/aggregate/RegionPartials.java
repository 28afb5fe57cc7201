package org.hbew.indicators.processors.aggregate;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The latest figures of each city for one item and window. The rollup keeps the parts, not a
 * running total, because a city's window is updated many times: replacing its part and merging the
 * four again is exact, where adding updates would count them twice and sketches cannot subtract.
 */
public final class RegionPartials {

    private final Map<String, ItemCityWindow> byCity;

    public RegionPartials() {
        this(new TreeMap<>());
    }

    RegionPartials(Map<String, ItemCityWindow> byCity) {
        this.byCity = byCity;
    }

    public RegionPartials with(String city, ItemCityWindow figures) {
        byCity.put(city, figures);
        return this;
    }

    public Map<String, ItemCityWindow> byCity() {
        return Collections.unmodifiableMap(byCity);
    }

    /** The four cities merged: sums add, sketches merge, the latest observation wins. */
    public ItemCityWindow merged() {
        ItemCityWindow all = new ItemCityWindow();
        byCity.values().forEach(all::merge);
        return all;
    }
}
