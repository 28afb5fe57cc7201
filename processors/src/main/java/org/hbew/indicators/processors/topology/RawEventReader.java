package org.hbew.indicators.processors.topology;

import java.time.Duration;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.event.ParseResult;
import org.hbew.indicators.event.Problem;
import org.hbew.indicators.processors.errors.DeadLetterHeaders;
import org.hbew.indicators.processors.metrics.PipelineMetrics;

/**
 * Reads a raw record as an event envelope v1 with the same rules as ingest, minus its age bound (a
 * replay of old raw data is legitimate here). A record that fails, whose key is not the event's
 * {@code <item>:<city>} (a producer that bypassed ingest), or whose time is further ahead of the
 * processors' clock than {@link TopologySettings#maxFutureSkew()} or before 1970, is marked for the
 * dead-letter topic with its reason and origin in headers; nothing is dropped silently.
 *
 * <p>Not a processor of its own: {@link CountEvents} reads and counts in one node, so that a record passes
 * through no more nodes than it must (each hop copies the record and its headers).
 */
final class RawEventReader {

    private static final String INVALID_EVENT = "org.hbew.indicators.InvalidEvent";

    private final EventParser parser;
    private final PipelineMetrics metrics;
    private final long maxFutureSkewMs;

    RawEventReader(EventParser parser, PipelineMetrics metrics, Duration maxFutureSkew) {
        this.parser = parser;
        this.metrics = metrics;
        this.maxFutureSkewMs = maxFutureSkew.toMillis();
    }

    /**
     * The record's event, or null when the record is to be dead-lettered: then its headers say why and where it
     * came from, and the outcome is accounted for.
     */
    EventEnvelope read(Record<String, byte[]> record, ProcessorContext<?, ?> context, Accounting accounting) {
        accounting.add(Accounting.Outcome.RECEIVED);
        ParseResult result = parser.parse(record.value());
        if (result instanceof ParseResult.Valid valid) {
            String expectedKey = valid.event().rawKey();
            if (!expectedKey.equals(record.key())) {
                deadLetter(record, context, accounting, Problem.Kind.KEY.reason(), "record key '" + record.key()
                        + "' is not the event's <item>:<city> '" + expectedKey + "'");
                return null;
            }
            String outOfBounds = timeOutOfBounds(valid.event().occurredAtMillis(), context.currentSystemTimeMs());
            if (outOfBounds != null) {
                deadLetter(record, context, accounting, Problem.Kind.TIME.reason(), "occurredAt: " + outOfBounds);
                return null;
            }
            return valid.event();
        }
        ParseResult.Invalid invalid = (ParseResult.Invalid) result;
        deadLetter(record, context, accounting, invalid.reason().reason(),
                invalid.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
        return null;
    }

    /**
     * Why an event's time cannot be counted, or null. Replays of old events are legitimate here (ingest bounds
     * the age), but an event far ahead of the clock would move stream time past every honest event, and the
     * broker refuses output records stamped more than an hour ahead; Kafka cannot carry times before 1970.
     */
    private String timeOutOfBounds(long occurredAtMillis, long now) {
        if (occurredAtMillis > now + maxFutureSkewMs) {
            return "is " + Duration.ofMillis(occurredAtMillis - now).toMinutes() + " minutes ahead of the processors' "
                    + "clock; at most " + Duration.ofMillis(maxFutureSkewMs).toMinutes() + " are accepted";
        }
        if (occurredAtMillis < 0) {
            return "is before 1970-01-01T00:00:00Z, which Kafka record times cannot express";
        }
        return null;
    }

    private void deadLetter(Record<String, byte[]> record, ProcessorContext<?, ?> context, Accounting accounting,
                            String reason, String message) {
        accounting.add(Accounting.Outcome.DEAD_LETTERED);
        metrics.deadLettered(reason);
        RecordMetadata origin = context.recordMetadata().orElse(null);
        DeadLetterHeaders.write(record.headers(), reason, INVALID_EVENT, message,
                origin == null ? null : origin.topic(), origin == null ? -1 : origin.partition(),
                origin == null ? -1 : origin.offset());
    }
}
