package org.hbew.indicators.catalog;

import java.time.Duration;
import java.util.Optional;

/**
 * One measured series of an item. A plain indicator is reported directly: events name it and carry a
 * value in its unit. A flow indicator is derived: events of the item's flow carry a payload and
 * {@link #measure()} says which number of that payload this indicator observes.
 *
 * @param quantile for {@link Aggregation#QUANTILES}, the quantile used as the headline (e.g. 0.95)
 * @param cadence  how often a city is expected to report; silence longer than this makes it STALE
 * @param target   the illustrative default target, if the indicator has one
 */
public record Indicator(
        String code,
        String title,
        Unit unit,
        Aggregation aggregation,
        Double quantile,
        Range range,
        Duration cadence,
        Optional<FlowMeasure> measure,
        Optional<Target> target) {

    public boolean derivedFromFlow() {
        return measure.isPresent();
    }

    /** The name of the headline statistic, as it appears in output records and docs (e.g. {@code p95}). */
    public String headlineStatistic() {
        if (aggregation == Aggregation.QUANTILES) {
            return "p" + Math.round(quantile * 100);
        }
        return aggregation.code();
    }
}
