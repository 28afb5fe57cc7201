package org.hbew.indicators.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * A number derived from one flow event, named in the catalog as an indicator's {@code measure}. Some
 * measures exist only for some events (a transfer has a completion time only once completed).
 */
public enum FlowMeasure {
    SETTLEMENT_COUNT(Flow.MEDICAL_SETTLEMENT, "count", Unit.COUNT),
    SETTLEMENT_AMOUNT(Flow.MEDICAL_SETTLEMENT, "amount", Unit.CNY),
    SETTLEMENT_DIRECT(Flow.MEDICAL_SETTLEMENT, "direct", Unit.RATIO),
    SETTLEMENT_MINUTES(Flow.MEDICAL_SETTLEMENT, "settlement_minutes", Unit.MINUTES),

    TRANSFER_REQUESTED(Flow.PENSION_TRANSFER, "requested", Unit.COUNT),
    TRANSFER_COMPLETED(Flow.PENSION_TRANSFER, "completed", Unit.COUNT),
    TRANSFER_DAYS(Flow.PENSION_TRANSFER, "completion_days", Unit.DAYS),

    EMERGENCY_COUNT(Flow.EMERGENCY_REQUEST, "count", Unit.COUNT),
    EMERGENCY_DISPATCH_MINUTES(Flow.EMERGENCY_REQUEST, "dispatch_minutes", Unit.MINUTES),
    EMERGENCY_FULFILLED(Flow.EMERGENCY_REQUEST, "fulfilled", Unit.RATIO);

    private final Flow flow;
    private final String code;
    private final Unit unit;

    FlowMeasure(Flow flow, String code, Unit unit) {
        this.flow = flow;
        this.code = code;
        this.unit = unit;
    }

    public Flow flow() {
        return flow;
    }

    public String code() {
        return code;
    }

    /** The unit the derived number is in; an indicator built on this measure must use it. */
    public Unit unit() {
        return unit;
    }

    public static Optional<FlowMeasure> of(Flow flow, String code) {
        return Arrays.stream(values()).filter(m -> m.flow == flow && m.code.equals(code)).findFirst();
    }

    public static String knownCodes(Flow flow) {
        return String.join(", ", Arrays.stream(values()).filter(m -> m.flow == flow).map(FlowMeasure::code).toList());
    }
}
