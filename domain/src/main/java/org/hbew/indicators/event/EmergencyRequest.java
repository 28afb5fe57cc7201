package org.hbew.indicators.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.hbew.indicators.catalog.Flow;

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

    public boolean fulfilled() {
        return dispatchedAt != null;
    }

    /** Minutes from request to dispatch; only when support was dispatched. */
    public double dispatchMinutes() {
        return Duration.between(requestedAt, dispatchedAt).toSeconds() / 60.0;
    }
}
