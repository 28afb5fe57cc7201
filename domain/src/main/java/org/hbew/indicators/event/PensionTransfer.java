package org.hbew.indicators.event;

import com.fasterxml.jackson.annotation.JsonProperty;
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
 * Item 20: a worker's pension insurance moving from {@code fromCity} to {@code toCity}. A transfer is
 * reported when requested and again when completed; the completion carries both times.
 */
public record PensionTransfer(
        String fromCity,
        String toCity,
        Stage stage,
        OffsetDateTime requestedAt,
        OffsetDateTime completedAt) implements FlowPayload {

    static final List<String> TIME_FIELDS = List.of("requestedAt", "completedAt");
    private static final List<TimeOrder> TIME_ORDERS = List.of(TimeOrder.of(TIME_FIELDS, "completedAt", "requestedAt"));
    static final Set<String> STAGE_CODES = PayloadForm.codes(Stage.values());
    static final PayloadForm<PensionTransfer> FORM = new Form();

    public enum Stage {
        @JsonProperty("requested") REQUESTED,
        @JsonProperty("completed") COMPLETED
    }

    @Override
    public Flow flow() {
        return Flow.PENSION_TRANSFER;
    }

    @Override
    public String origin() {
        return fromCity;
    }

    @Override
    public String destination() {
        return toCity;
    }

    @Override
    public double amount() {
        return 0;
    }

    @Override
    public List<String> timeFields() {
        return TIME_FIELDS;
    }

    @Override
    public OffsetDateTime time(int index) {
        return switch (index) {
            case 0 -> requestedAt;
            case 1 -> completedAt;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    @Override
    public List<TimeOrder> timeOrders() {
        return TIME_ORDERS;
    }

    /** Completed: the movement happened. */
    @Override
    public boolean completesMovement() {
        return stage == Stage.COMPLETED;
    }

    @Override
    public OptionalDouble measure(FlowMeasure measure) {
        return switch (measure) {
            case TRANSFER_REQUESTED -> stage == Stage.REQUESTED ? OptionalDouble.of(1) : OptionalDouble.empty();
            case TRANSFER_COMPLETED -> stage == Stage.COMPLETED ? OptionalDouble.of(1) : OptionalDouble.empty();
            case TRANSFER_DAYS -> stage == Stage.COMPLETED ? OptionalDouble.of(completionDays()) : OptionalDouble.empty();
            default -> throw FlowPayload.notMine(measure, flow());
        };
    }

    @Override
    public PensionTransfer withTimesShiftedBy(Duration by) {
        return new PensionTransfer(fromCity, toCity, stage, FlowPayload.shifted(requestedAt, by),
                FlowPayload.shifted(completedAt, by));
    }

    /** Days from request to completion; only for a completed transfer. */
    public double completionDays() {
        return Duration.between(requestedAt, completedAt).toSeconds() / 86_400.0;
    }

    /** The schema's {@code $defs/pensionTransfer}: a completed transfer has {@code completedAt}, a requested one not. */
    private static final class Form extends PayloadForm<PensionTransfer> {

        private static final Set<String> FIELDS = Set.of("fromCity", "toCity", "stage", "requestedAt", "completedAt");

        Form() {
            super(TIME_FIELDS, FIELDS);
        }

        @Override
        boolean conforms(JsonNode payload, ShapeChecks checks, ReadTimes times) {
            JsonNode stage = payload.get("stage");
            JsonNode completedAt = payload.get("completedAt");
            return checks.isCity(payload.get("fromCity"))
                    && checks.isCity(payload.get("toCity"))
                    && checks.isOneOf(stage, STAGE_CODES)
                    && checks.isTimestamp(payload.get("requestedAt"), times)
                    && ("completed".equals(stage.textValue())
                            ? checks.isTimestamp(completedAt, times) : completedAt == null);
        }

        @Override
        PensionTransfer bind(JsonNode payload, Map<String, OffsetDateTime> times) {
            return new PensionTransfer(payload.get("fromCity").textValue(), payload.get("toCity").textValue(),
                    PayloadForm.constant(Stage.class, payload.get("stage")), times.get("requestedAt"),
                    times.get("completedAt"));
        }

        @Override
        PensionTransfer read(CompactReader in) {
            if (!in.expect("\"fromCity\":\"")) {
                return null;
            }
            String from = in.city();
            if (from == null || !in.expect("\",\"toCity\":\"")) {
                return null;
            }
            String to = in.city();
            if (to == null || !in.expect("\",\"stage\":\"")) {
                return null;
            }
            Stage stage = in.expect("requested") ? Stage.REQUESTED : in.expect("completed") ? Stage.COMPLETED : null;
            if (stage == null || !in.expect("\",\"requestedAt\":\"")) {
                return null;
            }
            OffsetDateTime requested = in.time();
            if (requested == null) {
                return null;
            }
            OffsetDateTime completed = null;
            if (stage == Stage.COMPLETED) {
                if (!in.expect("\",\"completedAt\":\"")) {
                    return null;
                }
                completed = in.time();
                if (completed == null) {
                    return null;
                }
            }
            return in.expect("\"}") ? new PensionTransfer(from, to, stage, requested, completed) : null;
        }
    }
}
