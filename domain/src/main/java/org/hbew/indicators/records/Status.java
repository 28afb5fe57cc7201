package org.hbew.indicators.records;

/** Where an indicator of a city stands. */
public enum Status {
    /** Reporting within its cadence and not worse than its target (or it has none). */
    ON_TRACK,
    /** Worse than its target in the current window. */
    LAGGING,
    /** No event for longer than the indicator's cadence. */
    STALE,
    /** Never reported. */
    NO_DATA
}
