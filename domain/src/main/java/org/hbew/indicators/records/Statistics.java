package org.hbew.indicators.records;

import java.time.Instant;

/**
 * What is known of an indicator's observations in one window. {@code ratio} is present for ratio
 * indicators, the quantiles for quantile indicators (from a sketch with the relative accuracy given).
 */
public record Statistics(
        long count,
        double sum,
        double min,
        double max,
        double mean,
        double latest,
        Instant latestAt,
        Double ratio,
        Double p50,
        Double p95,
        Double p99,
        Double relativeAccuracy) {
}
