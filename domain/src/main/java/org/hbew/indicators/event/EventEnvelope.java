package org.hbew.indicators.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.kafka.Keys;

/**
 * Event envelope v1: what a city system reports, as posted to ingest and stored on
 * {@code hbew.events.raw}. A plain indicator carries {@code value} and {@code unit}; a flow event names
 * the flow in {@code indicator} and carries a typed {@code payload}. Built from JSON only through
 * {@link EventParser}, which checks it; see docs/schemas/event-envelope-v1.schema.json.
 *
 * @param eventId the de-duplication key: a retried post or re-run import carries the same id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventEnvelope(
        int schemaVersion,
        UUID eventId,
        String city,
        int item,
        String indicator,
        OffsetDateTime occurredAt,
        Double value,
        String unit,
        FlowPayload payload) {

    public static final int CURRENT_SCHEMA_VERSION = 1;

    public static EventEnvelope plain(UUID eventId, String city, int item, String indicator,
                                      OffsetDateTime occurredAt, double value, String unit) {
        return new EventEnvelope(CURRENT_SCHEMA_VERSION, eventId, city, item, indicator, occurredAt, value, unit, null);
    }

    public static EventEnvelope flow(UUID eventId, String city, int item, OffsetDateTime occurredAt,
                                     FlowPayload payload) {
        return new EventEnvelope(CURRENT_SCHEMA_VERSION, eventId, city, item, payload.flow().code(), occurredAt, null,
                null, payload);
    }

    public Optional<Flow> flow() {
        return Optional.ofNullable(payload).map(FlowPayload::flow);
    }

    /** The record key on hbew.events.raw: every event of an item and city, and so every duplicate, in one partition. */
    public String rawKey() {
        return Keys.raw(item, city);
    }

    /** As {@code occurredAt.toInstant().toEpochMilli()}, without making an Instant: it is asked several times per event. */
    public long occurredAtMillis() {
        return occurredAt.toEpochSecond() * 1000 + occurredAt.getNano() / 1_000_000;
    }

    /** The same event at another time, e.g. a late copy made by the simulator. */
    public EventEnvelope withOccurredAt(OffsetDateTime when) {
        return new EventEnvelope(schemaVersion, eventId, city, item, indicator, when, value, unit, payload);
    }
}
