package org.hbew.indicators.processors.topology;

import java.util.Optional;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;

/**
 * Judges one (item, city, indicator) from what the status store knows of it: the target in force for the city
 * ({@link Targets}), the window that target is for, the headline value in that window now and the status, by the
 * rules of {@link StatusRules}. The status topic ({@link EvaluateStatus}) and the business metrics both judge
 * through it, so hbew.indicators.status and {@code hbew_indicator_status} cannot disagree.
 */
public final class StatusJudge {

    private final Targets targets;
    private final TopologySettings settings;

    public StatusJudge(Targets targets, TopologySettings settings) {
        this.targets = targets;
        this.settings = settings;
    }

    /** The status of {@code state}, an indicator of {@code city}, at {@code now} (epoch milliseconds). */
    public Judgement judge(Item item, Indicator indicator, String city, StatusState state, long now) {
        Optional<TargetRecord> target = targets.resolve(item, indicator, city);
        WindowSpec window = settings.windowFor(target.orElse(null));
        Double value = StatusRules.valueIn(window, indicator, state, now);
        Status status = StatusRules.status(indicator, state, target, window, value, now);
        return new Judgement(status, value, target.orElse(null), window);
    }

    /**
     * A status and what it was judged on.
     *
     * @param value  the headline value in {@code window}; null when there is nothing to judge
     * @param target the target in force; null when the indicator has none
     * @param window the window the target is for, or the largest window when there is no target
     */
    public record Judgement(Status status, Double value, TargetRecord target, WindowSpec window) {
    }
}
