package org.hbew.indicators.records;

import java.time.Instant;
import java.util.List;

/**
 * Value of hbew.indicators.region: the four-city rollup of one indicator over one window, merged
 * from the cities' figures (sketches are merged, never percentiles averaged).
 */
public record RegionIndicator(
        int item,
        String indicator,
        String unit,
        String aggregation,
        String statistic,
        double value,
        String window,
        Instant windowStart,
        Instant windowEnd,
        List<String> cities,
        Statistics statistics,
        Instant updatedAt) {
}
