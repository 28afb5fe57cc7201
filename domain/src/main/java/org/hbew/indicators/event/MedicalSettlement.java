package org.hbew.indicators.event;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalDouble;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.FlowMeasure;

/**
 * Item 18: treatment of a person insured in {@code insuredCity} at a hospital in {@code treatmentCity},
 * settled directly at the hospital ({@code direct}) or reimbursed later.
 */
public record MedicalSettlement(
        String insuredCity,
        String treatmentCity,
        double amount,
        boolean direct,
        OffsetDateTime dischargedAt,
        OffsetDateTime settledAt) implements FlowPayload {

    static final List<String> TIME_FIELDS = List.of("dischargedAt", "settledAt");
    private static final List<TimeOrder> TIME_ORDERS = List.of(TimeOrder.of(TIME_FIELDS, "settledAt", "dischargedAt"));

    @Override
    public Flow flow() {
        return Flow.MEDICAL_SETTLEMENT;
    }

    @Override
    public String origin() {
        return insuredCity;
    }

    @Override
    public String destination() {
        return treatmentCity;
    }

    @Override
    public List<String> timeFields() {
        return TIME_FIELDS;
    }

    @Override
    public OffsetDateTime time(int index) {
        return switch (index) {
            case 0 -> dischargedAt;
            case 1 -> settledAt;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    @Override
    public List<TimeOrder> timeOrders() {
        return TIME_ORDERS;
    }

    /** Settled directly at the hospital: the movement happened. */
    @Override
    public boolean completesMovement() {
        return direct;
    }

    @Override
    public OptionalDouble measure(FlowMeasure measure) {
        return switch (measure) {
            case SETTLEMENT_COUNT -> OptionalDouble.of(1);
            case SETTLEMENT_AMOUNT -> OptionalDouble.of(amount);
            case SETTLEMENT_DIRECT -> OptionalDouble.of(direct ? 1 : 0);
            case SETTLEMENT_MINUTES -> OptionalDouble.of(settlementMinutes());
            default -> throw FlowPayload.notMine(measure, flow());
        };
    }

    @Override
    public MedicalSettlement withTimesShiftedBy(Duration by) {
        return new MedicalSettlement(insuredCity, treatmentCity, amount, direct, FlowPayload.shifted(dischargedAt, by),
                FlowPayload.shifted(settledAt, by));
    }

    /** Minutes from discharge to settlement. */
    public double settlementMinutes() {
        return Duration.between(dischargedAt, settledAt).toSeconds() / 60.0;
    }
}
