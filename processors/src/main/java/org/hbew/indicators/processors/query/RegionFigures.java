package org.hbew.indicators.processors.query;

import java.util.List;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.RegionIndicator;

/**
 * An item's regional figures in one window as the rollup store holds them, passed between instances:
 * the cities that reported, the merged indicators and, for flow items, the origin-to-destination cells.
 * All lists are empty when no city reported in the window.
 */
record RegionFigures(List<String> cities, List<RegionIndicator> indicators, List<FlowCounts> flows) {

    static RegionFigures empty() {
        return new RegionFigures(List.of(), List.of(), List.of());
    }
}
