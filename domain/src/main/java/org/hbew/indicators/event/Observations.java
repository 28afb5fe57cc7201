package org.hbew.indicators.event;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.hbew.indicators.catalog.FlowMeasure;
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
            OptionalDouble value = measure(indicator.measure().orElseThrow(), event.payload());
            if (value.isPresent()) {
                observations.add(new Observation(indicator, value.getAsDouble()));
            }
        }
        return observations;
    }

    static OptionalDouble measure(FlowMeasure measure, FlowPayload payload) {
        return switch (measure) {
            case SETTLEMENT_COUNT, EMERGENCY_COUNT -> OptionalDouble.of(1);
            case SETTLEMENT_AMOUNT -> OptionalDouble.of(((MedicalSettlement) payload).amount());
            case SETTLEMENT_DIRECT -> OptionalDouble.of(((MedicalSettlement) payload).direct() ? 1 : 0);
            case SETTLEMENT_MINUTES -> OptionalDouble.of(((MedicalSettlement) payload).settlementMinutes());
            case TRANSFER_REQUESTED -> stage((PensionTransfer) payload, PensionTransfer.Stage.REQUESTED);
            case TRANSFER_COMPLETED -> stage((PensionTransfer) payload, PensionTransfer.Stage.COMPLETED);
            case TRANSFER_DAYS -> ((PensionTransfer) payload).stage() == PensionTransfer.Stage.COMPLETED
                    ? OptionalDouble.of(((PensionTransfer) payload).completionDays())
                    : OptionalDouble.empty();
            case EMERGENCY_DISPATCH_MINUTES -> ((EmergencyRequest) payload).fulfilled()
                    ? OptionalDouble.of(((EmergencyRequest) payload).dispatchMinutes())
                    : OptionalDouble.empty();
            case EMERGENCY_FULFILLED -> OptionalDouble.of(((EmergencyRequest) payload).fulfilled() ? 1 : 0);
        };
    }

    private static OptionalDouble stage(PensionTransfer transfer, PensionTransfer.Stage stage) {
        return transfer.stage() == stage ? OptionalDouble.of(1) : OptionalDouble.empty();
    }
}
