package org.hbew.indicators.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Range;
import org.hbew.indicators.simulator.IndicatorProfile.Amount;
import org.hbew.indicators.simulator.IndicatorProfile.Fluctuating;
import org.hbew.indicators.simulator.IndicatorProfile.Milestone;
import org.hbew.indicators.simulator.IndicatorProfile.Rising;
import org.hbew.indicators.simulator.IndicatorProfile.Volume;

/**
 * The next value of a plain indicator for a city, following its {@link IndicatorProfile} and
 * remembering what each city reported before (levels, time of the previous report). Every value is
 * inside the indicator's range and whole where its unit counts things.
 *
 * <p>A city's first report of a volume carries the day so far, as a city office's system does when it
 * starts sending part-way through a day: the cities have been working since midnight even if the simulator
 * has not. The day is the processors' daily window, which starts at midnight UTC (08:00 in the cities), so a
 * simulator started at 18:40 shows the day's totals a steady city would have by then, not ten minutes' worth.
 */
final class PlainValues {

    private static final double DAY_SECONDS = 86_400;

    private final Draws draws;
    private final Instant dayStart;
    private final Map<String, Double> levels = new HashMap<>();
    private final Map<String, Instant> lastReports = new HashMap<>();

    PlainValues(Draws draws, Instant start) {
        this.draws = draws;
        this.dayStart = start.truncatedTo(ChronoUnit.DAYS);
    }

    /**
     * @param citySize     the city's size relative to the average city (1.0)
     * @param pensionDelay the current pension slowdown factor (1.0 when transfers run normally)
     */
    double next(String city, Indicator indicator, double citySize, Instant now, double pensionDelay) {
        String key = city + "/" + indicator.code();
        IndicatorProfile profile = IndicatorProfiles.of(indicator);
        double raw;
        int decimals;
        if (profile instanceof Volume v) {
            raw = volume(key, v, citySize, now, indicator.unit().wholeNumbers());
            decimals = v.decimals();
        } else if (profile instanceof Amount a) {
            raw = draws.logNormal(a.median() * citySize, a.sigma());
            decimals = a.decimals();
        } else if (profile instanceof Milestone m) {
            raw = 1 + draws.index(m.max());
            decimals = 0;
        } else if (profile instanceof Rising r) {
            raw = rising(key, r, citySize);
            decimals = r.decimals();
        } else {
            Fluctuating f = (Fluctuating) profile;
            raw = fluctuating(key, f, citySize, pensionDelay);
            decimals = f.decimals();
        }
        return fit(raw, indicator, decimals);
    }

    private double volume(String key, Volume v, double citySize, Instant now, boolean whole) {
        Instant previous = lastReports.getOrDefault(key, dayStart);
        lastReports.put(key, now);
        double days = Math.max(0, Duration.between(previous, now).toMillis() / 1000.0 / DAY_SECONDS);
        double expected = v.perDay() * citySize * days;
        return whole ? draws.poisson(expected) : expected * draws.noise(0.2);
    }

    private double rising(String key, Rising r, double citySize) {
        Double level = levels.get(key);
        double next = level == null
                ? draws.uniform(r.startMin(), r.startMax()) * damped(citySize)
                : level + draws.uniform(0, 2 * r.meanStep());
        next = Math.min(next, r.max());
        levels.put(key, next);
        return next;
    }

    /** A mean-reverting walk: a tenth of the way back to the centre each report, plus noise. */
    private double fluctuating(String key, Fluctuating f, double citySize, double pensionDelay) {
        double centre = f.centre() * damped(citySize) * (f.followsPensionDelay() ? pensionDelay : 1);
        double level = levels.getOrDefault(key, centre);
        double next = level + 0.1 * (centre - level) + f.spread() * centre * 0.3 * draws.gaussian();
        levels.put(key, next);
        return next;
    }

    /** Levels differ less between cities than volumes do: a small city still runs a big platform. */
    private static double damped(double citySize) {
        return 0.5 + 0.5 * citySize;
    }

    /** Into the indicator's range, rounded, and whole if its unit counts things. */
    static double fit(double value, Indicator indicator, int decimals) {
        Range range = indicator.range();
        double clamped = Math.max(range.min(), Math.min(range.max(), value));
        int places = indicator.unit().wholeNumbers() ? 0 : decimals;
        double rounded = BigDecimal.valueOf(clamped).setScale(places, RoundingMode.HALF_UP).doubleValue();
        if (rounded > range.max()) {
            rounded = Math.floor(range.max());
        } else if (rounded < range.min()) {
            rounded = Math.ceil(range.min());
        }
        return rounded;
    }
}
