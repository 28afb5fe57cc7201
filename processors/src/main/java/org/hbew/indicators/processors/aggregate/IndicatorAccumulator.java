package org.hbew.indicators.processors.aggregate;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import java.time.Instant;
import org.hbew.indicators.catalog.Aggregation;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.records.Statistics;

/**
 * The observations of one indicator in one window: count, sum, min, max, the latest observation,
 * and for quantile indicators a DDSketch. DDSketch is chosen for its relative-error guarantee (every
 * quantile within {@link #RELATIVE_ACCURACY} of the exact value) and because merging two sketches
 * gives exactly the sketch of the union, so the regional rollup is a merge, never an average.
 *
 * <p>Mutable on purpose: Kafka Streams hands the aggregator a copy freshly read from the store's
 * bytes, and copying a sketch on every event would double the cost of the hot path.
 */
public final class IndicatorAccumulator {

    public static final double RELATIVE_ACCURACY = 0.01;
    /** Bounds a sketch's memory; values this far below the maximum lose accuracy first (collapsing lowest). */
    public static final int MAX_BINS = 2048;

    private long count;
    private double sum;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double latest;
    private long latestAt = Long.MIN_VALUE;
    private final DDSketch sketch;

    private IndicatorAccumulator(DDSketch sketch) {
        this.sketch = sketch;
    }

    IndicatorAccumulator(long count, double sum, double min, double max, double latest, long latestAt, DDSketch sketch) {
        this.count = count;
        this.sum = sum;
        this.min = min;
        this.max = max;
        this.latest = latest;
        this.latestAt = latestAt;
        this.sketch = sketch;
    }

    public static IndicatorAccumulator forIndicator(Indicator indicator) {
        return new IndicatorAccumulator(indicator.aggregation() == Aggregation.QUANTILES ? newSketch() : null);
    }

    static DDSketch newSketch() {
        return DDSketches.logarithmicCollapsingLowestDense(RELATIVE_ACCURACY, MAX_BINS);
    }

    /** Adds one observation made at {@code atMillis} (event time). */
    public void add(double value, long atMillis) {
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (atMillis >= latestAt) {
            latest = value;
            latestAt = atMillis;
        }
        if (sketch != null) {
            sketch.accept(value);
        }
    }

    /** Adds everything {@code other} observed, as if its observations had been added here. */
    public void merge(IndicatorAccumulator other) {
        count += other.count;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
        if (other.latestAt > latestAt) {
            latest = other.latest;
            latestAt = other.latestAt;
        }
        if (sketch != null && other.sketch != null) {
            sketch.mergeWith(other.sketch);
        }
    }

    public IndicatorAccumulator copy() {
        return new IndicatorAccumulator(count, sum, min, max, latest, latestAt, sketch == null ? null : sketch.copy());
    }

    public long count() {
        return count;
    }

    public double sum() {
        return sum;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double latest() {
        return latest;
    }

    public long latestAt() {
        return latestAt;
    }

    DDSketch sketch() {
        return sketch;
    }

    public double quantile(double q) {
        if (sketch == null || sketch.isEmpty()) {
            return Double.NaN;
        }
        return sketch.getValueAtQuantile(q);
    }

    /** The headline value of the indicator: what targets, status, metrics and dashboards use. */
    public double headline(Indicator indicator) {
        return switch (indicator.aggregation()) {
            case COUNT -> count;
            case SUM -> sum;
            case MEAN, RATIO -> count == 0 ? 0 : sum / count;
            case MIN -> min;
            case MAX -> max;
            case LATEST -> latest;
            case QUANTILES -> quantile(indicator.quantile());
        };
    }

    public Statistics statistics(Indicator indicator) {
        boolean ratio = indicator.aggregation() == Aggregation.RATIO;
        boolean sketched = sketch != null && !sketch.isEmpty();
        return new Statistics(count, sum, min, max, count == 0 ? 0 : sum / count, latest,
                latestAt == Long.MIN_VALUE ? null : Instant.ofEpochMilli(latestAt),
                ratio ? (count == 0 ? 0.0 : sum / count) : null,
                sketched ? quantile(0.50) : null,
                sketched ? quantile(0.95) : null,
                sketched ? quantile(0.99) : null,
                sketched ? RELATIVE_ACCURACY : null);
    }
}
