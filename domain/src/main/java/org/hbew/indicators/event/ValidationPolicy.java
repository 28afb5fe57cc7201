package org.hbew.indicators.event;

import java.time.Duration;

/**
 * The time bounds an event's {@code occurredAt} must respect. They belong at the edge (ingest,
 * import), where a wrong clock or a stale file is caught while the sender can still fix it; the
 * processors re-check events without them, so a replay of old raw data is not rejected.
 *
 * @param maxClockSkew how far in the future an event may be (sender clocks run fast)
 * @param maxAge       how far in the past an event may be (older data would not be kept anyway)
 */
public record ValidationPolicy(boolean checkTime, Duration maxClockSkew, Duration maxAge) {

    public static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);
    public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);

    public static ValidationPolicy edge(Duration maxClockSkew, Duration maxAge) {
        return new ValidationPolicy(true, maxClockSkew, maxAge);
    }

    public static ValidationPolicy edgeDefaults() {
        return edge(DEFAULT_MAX_CLOCK_SKEW, DEFAULT_MAX_AGE);
    }

    /** For events already accepted once: the catalog and consistency checks, no time bounds. */
    public static ValidationPolicy withoutTimeBounds() {
        return new ValidationPolicy(false, Duration.ZERO, Duration.ZERO);
    }
}
