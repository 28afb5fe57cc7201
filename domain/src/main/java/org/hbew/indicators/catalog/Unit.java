package org.hbew.indicators.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * Units an indicator value may carry. Each has the range a reported value must fall in unless the
 * catalog narrows it, and whether only whole numbers make sense (a count of trainees is never 2.5).
 */
public enum Unit {
    COUNT("count", 0, 1e9, true),
    CNY("CNY", 0, 1e13, false),
    PERCENT("percent", 0, 100, false),
    KM("km", 0, 10_000, false),
    TONNE("t", 0, 1e9, false),
    MW("MW", 0, 1e6, false),
    MWH("MWh", 0, 1e10, false),
    PERSONS("persons", 0, 1e8, true),
    CREDITS("credits", 0, 1e7, true),
    UNITS("units", 0, 1e10, true),
    MINUTES("minutes", 0, 525_600, false),
    DAYS("days", 0, 3_650, false),
    RATIO("ratio", 0, 1, false);

    private final String code;
    private final double min;
    private final double max;
    private final boolean wholeNumbers;

    Unit(String code, double min, double max, boolean wholeNumbers) {
        this.code = code;
        this.min = min;
        this.max = max;
        this.wholeNumbers = wholeNumbers;
    }

    public String code() {
        return code;
    }

    public Range defaultRange() {
        return new Range(min, max);
    }

    public boolean wholeNumbers() {
        return wholeNumbers;
    }

    public static Optional<Unit> fromCode(String code) {
        return Arrays.stream(values()).filter(u -> u.code.equals(code)).findFirst();
    }

    public static String knownCodes() {
        return String.join(", ", Arrays.stream(values()).map(Unit::code).toList());
    }
}
