package org.hbew.indicators.simulator;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Target;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.Observation;
import org.hbew.indicators.event.Observations;

/**
 * A deliberately simple reading of a whole window of events against the catalog's default targets,
 * to check the generator's figures are plausible; the real judgement is the processors' job.
 */
final class TargetJudge {

    private final Catalog catalog;
    private final List<EventEnvelope> events;

    TargetJudge(Catalog catalog, List<EventEnvelope> events) {
        this.catalog = catalog;
        this.events = events;
    }

    /** {@code "<city>/<indicator>" -> met}, for every city and every indicator with a default target. */
    Map<String, Boolean> judgeDefaultTargets() {
        Map<String, Boolean> met = new LinkedHashMap<>();
        catalog.itemIndicators().filter(ii -> ii.indicator().target().isPresent()).forEach(ii -> {
            for (String city : catalog.cityCodes()) {
                List<Double> values = new ArrayList<>();
                for (EventEnvelope e : events) {
                    if (e.item() == ii.item().number() && e.city().equals(city)) {
                        Observations.of(ii.item(), e).stream()
                                .filter(o -> o.indicator().code().equals(ii.indicator().code()))
                                .map(Observation::value).forEach(values::add);
                    }
                }
                Target target = ii.indicator().target().orElseThrow();
                met.put(city + "/" + ii.indicator().code(),
                        !values.isEmpty() && target.direction().isMet(headline(ii.indicator(), values), target.value()));
            }
        });
        return met;
    }

    private static double headline(Indicator indicator, List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        return switch (indicator.aggregation()) {
            case COUNT -> v.length;
            case SUM -> Arrays.stream(v).sum();
            case MEAN, RATIO -> Arrays.stream(v).average().orElse(0);
            case MIN -> Arrays.stream(v).min().orElse(0);
            case MAX -> Arrays.stream(v).max().orElse(0);
            case LATEST -> v[v.length - 1];
            case QUANTILES -> EventGeneratorTest.quantile(v, indicator.quantile());
        };
    }
}
