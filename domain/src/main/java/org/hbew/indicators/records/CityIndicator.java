package org.hbew.indicators.records;

import java.time.Instant;

/**
 * Value of hbew.indicators.city: one indicator of one item in one city over one event-time window.
 * {@code value} is the headline ({@code statistic} names it: count, sum, ratio, p95, ...).
 */
public record CityIndicator(
        int item,
        String city,
        String indicator,
        String unit,
        String aggregation,
        String statistic,
        double value,
        String window,
        Instant windowStart,
        Instant windowEnd,
        Statistics statistics,
        Instant updatedAt) {
}
