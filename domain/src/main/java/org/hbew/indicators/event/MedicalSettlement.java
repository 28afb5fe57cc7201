package org.hbew.indicators.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
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
    static final PayloadForm<MedicalSettlement> FORM = new Form();

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

    /** The schema's {@code $defs/medicalSettlement}; the gateway writes every field. */
    private static final class Form extends PayloadForm<MedicalSettlement> {

        private static final Set<String> FIELDS = Set.of("insuredCity", "treatmentCity", "amount", "direct",
                "dischargedAt", "settledAt");

        Form() {
            super(TIME_FIELDS, FIELDS);
        }

        @Override
        boolean conforms(JsonNode payload, ShapeChecks checks, ReadTimes times) {
            JsonNode amount = payload.get("amount");
            JsonNode direct = payload.get("direct");
            return checks.isCity(payload.get("insuredCity"))
                    && checks.isCity(payload.get("treatmentCity"))
                    && checks.isFiniteNumber(amount) && amount.doubleValue() >= 0
                    && direct != null && direct.isBoolean()
                    && checks.isTimestamp(payload.get("dischargedAt"), times)
                    && checks.isTimestamp(payload.get("settledAt"), times);
        }

        @Override
        MedicalSettlement bind(JsonNode payload, Map<String, OffsetDateTime> times) {
            return new MedicalSettlement(payload.get("insuredCity").textValue(),
                    payload.get("treatmentCity").textValue(), payload.get("amount").doubleValue(),
                    payload.get("direct").booleanValue(), times.get("dischargedAt"), times.get("settledAt"));
        }

        @Override
        MedicalSettlement read(CompactReader in) {
            if (!in.expect("\"insuredCity\":\"")) {
                return null;
            }
            String insured = in.city();
            if (insured == null || !in.expect("\",\"treatmentCity\":\"")) {
                return null;
            }
            String treatment = in.city();
            if (treatment == null || !in.expect("\",\"amount\":")) {
                return null;
            }
            double amount = in.number();
            if (Double.isNaN(amount) || amount < 0 || !in.expect(",\"direct\":")) {
                return null;
            }
            Boolean direct = in.expect("true") ? Boolean.TRUE : in.expect("false") ? Boolean.FALSE : null;
            if (direct == null || !in.expect(",\"dischargedAt\":\"")) {
                return null;
            }
            OffsetDateTime discharged = in.time();
            if (discharged == null || !in.expect("\",\"settledAt\":\"")) {
                return null;
            }
            OffsetDateTime settled = in.time();
            if (settled == null || !in.expect("\"}")) {
                return null;
            }
            return new MedicalSettlement(insured, treatment, amount, direct, discharged, settled);
        }
    }
}
