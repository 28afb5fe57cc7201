package org.hbew.indicators.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalDouble;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.FlowMeasure;

/**
 * Item 21: {@code requestingCity} asks {@code supportingCity} for emergency support. Reported once the
 * request is settled: {@code dispatchedAt} is absent when no support was sent.
 */
public record EmergencyRequest(
        String requestingCity,
        String supportingCity,
        Category category,
        Resource resource,
        OffsetDateTime requestedAt,
        OffsetDateTime dispatchedAt,
        OffsetDateTime arrivedAt) implements FlowPayload {

    static final List<String> TIME_FIELDS = List.of("requestedAt", "dispatchedAt", "arrivedAt");
    private static final List<TimeOrder> TIME_ORDERS = List.of(
            TimeOrder.of(TIME_FIELDS, "dispatchedAt", "requestedAt"),
            TimeOrder.of(TIME_FIELDS, "arrivedAt", "dispatchedAt"));

    public enum Category {
        @JsonProperty("natural_disaster") NATURAL_DISASTER,
        @JsonProperty("accident") ACCIDENT,
        @JsonProperty("public_health") PUBLIC_HEALTH,
        @JsonProperty("social_safety") SOCIAL_SAFETY
    }

    public enum Resource {
        @JsonProperty("supplies") SUPPLIES,
        @JsonProperty("team") TEAM,
        @JsonProperty("special_equipment") SPECIAL_EQUIPMENT
    }

    @Override
    public Flow flow() {
        return Flow.EMERGENCY_REQUEST;
    }

    @Override
    public String origin() {
        return requestingCity;
    }

    @Override
    public String destination() {
        return supportingCity;
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
            case 1 -> dispatchedAt;
            case 2 -> arrivedAt;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    @Override
    public List<TimeOrder> timeOrders() {
        return TIME_ORDERS;
    }

    /** Support was dispatched: the movement happened. */
    @Override
    public boolean completesMovement() {
        return fulfilled();
    }

    @Override
    public OptionalDouble measure(FlowMeasure measure) {
        return switch (measure) {
            case EMERGENCY_COUNT -> OptionalDouble.of(1);
            case EMERGENCY_DISPATCH_MINUTES -> fulfilled() ? OptionalDouble.of(dispatchMinutes()) : OptionalDouble.empty();
            case EMERGENCY_FULFILLED -> OptionalDouble.of(fulfilled() ? 1 : 0);
            default -> throw FlowPayload.notMine(measure, flow());
        };
    }

    @Override
    public EmergencyRequest withTimesShiftedBy(Duration by) {
        return new EmergencyRequest(requestingCity, supportingCity, category, resource,
                FlowPayload.shifted(requestedAt, by), FlowPayload.shifted(dispatchedAt, by),
                FlowPayload.shifted(arrivedAt, by));
    }

    public boolean fulfilled() {
        return dispatchedAt != null;
    }

    /** Minutes from request to dispatch; only when support was dispatched. */
    public double dispatchMinutes() {
        return Duration.between(requestedAt, dispatchedAt).toSeconds() / 60.0;
    }
}
