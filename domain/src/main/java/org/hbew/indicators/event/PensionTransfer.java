package org.hbew.indicators.event;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.hbew.indicators.catalog.Flow;

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

    /** Days from request to completion; only for a completed transfer. */
    public double completionDays() {
        return Duration.between(requestedAt, completedAt).toSeconds() / 86_400.0;
    }
}
