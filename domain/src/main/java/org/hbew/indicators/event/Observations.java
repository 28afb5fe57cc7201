package org.hbew.indicators.event;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;

/**
 * What an event says about its item's indicators: a plain event observes its one indicator; a flow
 * event observes each indicator built on a measure of the flow that the event has (a pension
 * request has no completion time yet, so it says nothing about transfer_days).
 */
public final class Observations {

    private Observations() {
    }

    public static List<Observation> of(Item item, EventEnvelope event) {
        if (event.payload() == null) {
            return item.indicator(event.indicator())
                    .map(indicator -> List.of(new Observation(indicator, event.value())))
                    .orElse(List.of());
        }
        List<Observation> observations = new ArrayList<>();
        for (Indicator indicator : item.flowIndicators()) {
            OptionalDouble value = event.payload().measure(indicator.measure().orElseThrow());
            if (value.isPresent()) {
                observations.add(new Observation(indicator, value.getAsDouble()));
            }
        }
        return observations;
    }
}
