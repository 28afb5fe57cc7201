package org.hbew.indicators.catalog;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How the observations of an indicator in one window become its headline value. Every window keeps
 * count, sum, min, max and the latest observation; {@link #QUANTILES} also keeps a mergeable sketch.
 */
public enum Aggregation {
    /** Number of observations (events) in the window. */
    COUNT,
    /** Sum of the observed values. */
    SUM,
    /** Arithmetic mean of the observed values. */
    MEAN,
    MIN,
    MAX,
    /** The observation with the latest event time: for cumulative figures such as progress in percent. */
    LATEST,
    /** Share of observations that are 1 among observations of 0 or 1, e.g. the direct-settlement rate. */
    RATIO,
    /** A quantile (the indicator names which) from a relative-error sketch that merges across cities. */
    QUANTILES;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Count and sum grow as a window fills; the others describe the window whatever its length. */
    public boolean additive() {
        return this == COUNT || this == SUM;
    }

    public static Optional<Aggregation> fromCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code().equals(code)).findFirst();
    }

    public static String knownCodes() {
        return String.join(", ", Arrays.stream(values()).map(Aggregation::code).toList());
    }
}
