package org.hbew.indicators.catalog;

/** Closed interval a reported value must fall in. */
public record Range(double min, double max) {

    public Range {
        if (!(min <= max)) {
            throw new IllegalArgumentException("range min " + min + " is above max " + max);
        }
    }

    public boolean contains(double value) {
        return value >= min && value <= max;
    }
}
