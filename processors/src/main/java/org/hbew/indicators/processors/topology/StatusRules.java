package org.hbew.indicators.processors.topology;

import java.util.Optional;
import org.hbew.indicators.catalog.Direction;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;

/**
 * How a status is judged, as pure functions of what the status store knows, the target and the wall
 * clock. {@link StatusJudge} applies them with the target in force, for the status topic and the metrics alike.
 *
 * <p>A count or sum target is for a whole window; while the window is open it is judged on pace:
 * an at-least target is expected in proportion to the share of the window elapsed, less an allowance
 * of {@link #PACE_ALLOWANCE} of the window (an hour of a day). Without the allowance a new window
 * starts out judged on nothing: at 08:05 in the cities (00:05 UTC) a daily target of 500 transactions
 * expects 1.7, so a city with none yet, or one that reports in hourly batches, shows LAGGING for
 * no reason every morning. With it, the first hour of a day is never behind pace, and later a city
 * is LAGGING once it is more than an hour's worth of its target behind. Other aggregations are judged
 * on the newest window that has data.
 */
public final class StatusRules {

    /** The share of a window by which a count or sum may trail its at-least target's pace. */
    static final double PACE_ALLOWANCE = 1.0 / 24;

    private StatusRules() {
    }

    /**
     * The headline value in {@code window} at {@code now}: for count and sum, the figure of the
     * window containing now (zero if nothing was reported in it yet); otherwise the newest figure.
     * Absent when there is nothing to judge.
     */
    public static Double valueIn(WindowSpec window, Indicator indicator, StatusState state, long now) {
        StatusState.Snapshot snapshot = state.windows().get(window.name());
        if (indicator.aggregation().additive()) {
            if (state.lastEventAt() == null) {
                return null;
            }
            return snapshot != null && snapshot.start() >= window.startOf(now) ? snapshot.value() : 0.0;
        }
        return snapshot == null ? null : snapshot.value();
    }

    static Status status(Indicator indicator, StatusState state, Optional<TargetRecord> target, WindowSpec window,
                         Double value, long now) {
        if (state.lastEventAt() == null) {
            return Status.NO_DATA;
        }
        if (now - state.lastEventAt() > indicator.cadence().toMillis()) {
            return Status.STALE;
        }
        if (target.isEmpty() || value == null) {
            return Status.ON_TRACK;
        }
        Direction direction = Direction.fromCode(target.get().direction()).orElse(Direction.AT_LEAST);
        double expected = target.get().value();
        if (indicator.aggregation().additive() && direction == Direction.AT_LEAST) {
            expected *= paceShare(window, now);
        }
        return direction.isMet(value, expected) ? Status.ON_TRACK : Status.LAGGING;
    }

    /** How much of an at-least count or sum target is expected by {@code now}: see the class comment. */
    static double paceShare(WindowSpec window, long now) {
        return Math.max(0, elapsedShare(window, now) - PACE_ALLOWANCE);
    }

    static double elapsedShare(WindowSpec window, long now) {
        double share = (double) (now - window.startOf(now)) / window.sizeMs();
        return Math.max(0, Math.min(1, share));
    }
}
