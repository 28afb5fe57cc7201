package org.hbew.indicators.event;

/**
 * One thing wrong with an event: the field (a dotted path such as {@code payload.amount}, empty for
 * the whole event) and a message a city's data office can act on, both bounded in length whatever was posted.
 */
public record Problem(Kind kind, String field, String message) {

    /** A field path longer than this is quoted as an {@link Excerpt} (a key can be as long as the body). */
    public static final int MAX_FIELD_CHARS = 100;
    /** A message longer than this is cut to an {@link Excerpt}; every answer and dead-letter header stays small. */
    public static final int MAX_MESSAGE_CHARS = 500;

    public Problem {
        field = Excerpt.of(field, MAX_FIELD_CHARS);
        message = Excerpt.of(message, MAX_MESSAGE_CHARS);
    }

    /** A bounded set of reasons, used as the dead-letter reason and as a metric label. */
    public enum Kind {
        MALFORMED_JSON("malformed_json"),
        UNSUPPORTED_VERSION("unsupported_version"),
        SCHEMA("schema"),
        CATALOG("catalog"),
        VALUE("value"),
        TIME("time"),
        FLOW("flow"),
        /** A record on hbew.events.raw whose key is not the event's {@code <item>:<city>} (it bypassed ingest). */
        KEY("key");

        private final String reason;

        Kind(String reason) {
            this.reason = reason;
        }

        /** The label value in {@code hbew_dlq_records_total{reason}} and the DLQ reason header. */
        public String reason() {
            return reason;
        }
    }

    @Override
    public String toString() {
        return (field.isEmpty() ? "" : field + ": ") + message;
    }
}
