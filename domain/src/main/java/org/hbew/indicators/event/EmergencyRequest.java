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
    static final Set<String> CATEGORY_CODES = PayloadForm.codes(Category.values());
    static final Set<String> RESOURCE_CODES = PayloadForm.codes(Resource.values());
    static final PayloadForm<EmergencyRequest> FORM = new Form();

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

    /**
     * The schema's {@code $defs/emergencyRequest}: {@code dispatchedAt} only where support was sent, {@code arrivedAt}
     * only after a {@code dispatchedAt}.
     */
    private static final class Form extends PayloadForm<EmergencyRequest> {

        private static final Set<String> FIELDS = Set.of("requestingCity", "supportingCity", "category", "resource",
                "requestedAt", "dispatchedAt", "arrivedAt");
        /** {@code values()} copies its array on every call; the compact reader looks constants up per event. */
        private static final Category[] CATEGORIES = Category.values();
        private static final Resource[] RESOURCES = Resource.values();

        Form() {
            super(TIME_FIELDS, FIELDS);
        }

        @Override
        boolean conforms(JsonNode payload, ShapeChecks checks, ReadTimes times) {
            JsonNode dispatchedAt = payload.get("dispatchedAt");
            JsonNode arrivedAt = payload.get("arrivedAt");
            return checks.isCity(payload.get("requestingCity"))
                    && checks.isCity(payload.get("supportingCity"))
                    && checks.isOneOf(payload.get("category"), CATEGORY_CODES)
                    && checks.isOneOf(payload.get("resource"), RESOURCE_CODES)
                    && checks.isTimestamp(payload.get("requestedAt"), times)
                    && (dispatchedAt == null || checks.isTimestamp(dispatchedAt, times))
                    && (arrivedAt == null || dispatchedAt != null && checks.isTimestamp(arrivedAt, times));
        }

        @Override
        EmergencyRequest bind(JsonNode payload, Map<String, OffsetDateTime> times) {
            return new EmergencyRequest(payload.get("requestingCity").textValue(),
                    payload.get("supportingCity").textValue(),
                    PayloadForm.constant(Category.class, payload.get("category")),
                    PayloadForm.constant(Resource.class, payload.get("resource")),
                    times.get("requestedAt"), times.get("dispatchedAt"), times.get("arrivedAt"));
        }

        @Override
        EmergencyRequest read(CompactReader in) {
            if (!in.expect("\"requestingCity\":\"")) {
                return null;
            }
            String requesting = in.city();
            if (requesting == null || !in.expect("\",\"supportingCity\":\"")) {
                return null;
            }
            String supporting = in.city();
            if (supporting == null || !in.expect("\",\"category\":\"")) {
                return null;
            }
            Category category = in.constant(CATEGORIES);
            if (category == null || !in.expect("\",\"resource\":\"")) {
                return null;
            }
            Resource resource = in.constant(RESOURCES);
            if (resource == null || !in.expect("\",\"requestedAt\":\"")) {
                return null;
            }
            OffsetDateTime requested = in.time();
            if (requested == null) {
                return null;
            }
            OffsetDateTime dispatched = null;
            OffsetDateTime arrived = null;
            if (in.expect("\",\"dispatchedAt\":\"")) {
                dispatched = in.time();
                if (dispatched == null) {
                    return null;
                }
                if (in.expect("\",\"arrivedAt\":\"")) {
                    arrived = in.time();
                    if (arrived == null) {
                        return null;
                    }
                }
            }
            return in.expect("\"}")
                    ? new EmergencyRequest(requesting, supporting, category, resource, requested, dispatched, arrived)
                    : null;
        }
    }
}
