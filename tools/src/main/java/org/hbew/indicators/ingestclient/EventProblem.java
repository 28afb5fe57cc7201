package org.hbew.indicators.ingestclient;

/**
 * One problem ingest found with one posted event.
 *
 * @param index the event's position in the posted batch (0-based)
 * @param field a dotted path such as {@code payload.amount}; empty for the event as a whole
 */
public record EventProblem(int index, String field, String message) {

    @Override
    public String toString() {
        return field == null || field.isEmpty() ? message : field + ": " + message;
    }
}
