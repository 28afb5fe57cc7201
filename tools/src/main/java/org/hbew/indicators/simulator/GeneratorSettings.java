package org.hbew.indicators.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything that shapes the generated sequence besides the clock.
 *
 * @param seed            the same seed (with the same clock) gives the same events
 * @param outageCity      the silent city of {@link Scenario#CITY_OUTAGE}; null otherwise
 * @param duplicateShare  share of events that re-send an earlier event with its eventId
 * @param lateShare       share of events whose times lie {@code lateBy} in the past
 * @param slowPensionRamp how long {@link Scenario#SLOW_PENSION} takes to reach its full slowdown
 */
public record GeneratorSettings(
        long seed,
        Scenario scenario,
        String outageCity,
        double duplicateShare,
        double lateShare,
        Duration lateBy,
        Duration slowPensionRamp) {

    public static final double DEFAULT_DUPLICATE_SHARE = 0.01;
    public static final double DEFAULT_LATE_SHARE = 0.005;
    public static final Duration DEFAULT_LATE_BY = Duration.ofHours(3);
    public static final Duration DEFAULT_SLOW_PENSION_RAMP = Duration.ofMinutes(5);

    public GeneratorSettings {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(lateBy, "lateBy");
        Objects.requireNonNull(slowPensionRamp, "slowPensionRamp");
        if (scenario == Scenario.CITY_OUTAGE && outageCity == null) {
            throw new IllegalArgumentException("scenario city-outage needs the city that falls silent");
        }
        if (!(duplicateShare >= 0 && lateShare >= 0 && duplicateShare + lateShare < 1)) {
            throw new IllegalArgumentException("duplicate share " + duplicateShare + " and late share " + lateShare
                    + " must be at least 0 and add up to less than 1");
        }
        if (lateBy.isNegative()) {
            throw new IllegalArgumentException("lateBy must not be negative, got " + lateBy);
        }
        if (slowPensionRamp.isNegative() || slowPensionRamp.isZero()) {
            throw new IllegalArgumentException("slowPensionRamp must be positive, got " + slowPensionRamp);
        }
    }

    /** Steady reporting with the default shares of duplicates and late events. */
    public static GeneratorSettings defaults(long seed) {
        return new GeneratorSettings(seed, Scenario.STEADY, null, DEFAULT_DUPLICATE_SHARE, DEFAULT_LATE_SHARE,
                DEFAULT_LATE_BY, DEFAULT_SLOW_PENSION_RAMP);
    }

    public GeneratorSettings withScenario(Scenario newScenario, String newOutageCity) {
        return new GeneratorSettings(seed, newScenario, newOutageCity, duplicateShare, lateShare, lateBy,
                slowPensionRamp);
    }

    public GeneratorSettings withShares(double newDuplicateShare, double newLateShare, Duration newLateBy) {
        return new GeneratorSettings(seed, scenario, outageCity, newDuplicateShare, newLateShare, newLateBy,
                slowPensionRamp);
    }

    public GeneratorSettings withSlowPensionRamp(Duration ramp) {
        return new GeneratorSettings(seed, scenario, outageCity, duplicateShare, lateShare, lateBy, ramp);
    }
}
