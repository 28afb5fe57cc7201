package org.hbew.indicators.processors.topology;

import java.time.Duration;
import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
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
 */
final class ParseEvents extends ContextualFixedKeyProcessor<String, byte[], Parsed> {

    private static final String INVALID_EVENT = "org.hbew.indicators.InvalidEvent";

    private final EventParser parser;
    private final PipelineMetrics metrics;
    private final long maxFutureSkewMs;
    private Accounting accounting;

    ParseEvents(EventParser parser, PipelineMetrics metrics, Duration maxFutureSkew) {
        this.parser = parser;
        this.metrics = metrics;
        this.maxFutureSkewMs = maxFutureSkew.toMillis();
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Parsed> context) {
        super.init(context);
        accounting = new Accounting(context.getStateStore(Accounting.STORE));
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        accounting.add(Accounting.Outcome.RECEIVED);
        ParseResult result = parser.parse(record.value());
        if (result instanceof ParseResult.Valid valid) {
            String expectedKey = valid.event().rawKey();
            if (!expectedKey.equals(record.key())) {
                deadLetter(record, Problem.Kind.KEY.reason(), "record key '" + record.key() + "' is not the event's "
                        + "<item>:<city> '" + expectedKey + "'");
                return;
            }
            String outOfBounds = timeOutOfBounds(valid.event().occurredAtMillis());
            if (outOfBounds != null) {
                deadLetter(record, Problem.Kind.TIME.reason(), "occurredAt: " + outOfBounds);
                return;
            }
            context().forward(record.withValue(new Parsed(valid.event(), record.value())));
            return;
        }
        ParseResult.Invalid invalid = (ParseResult.Invalid) result;
        deadLetter(record, invalid.reason().reason(),
                invalid.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
    }

    /**
     * Why an event's time cannot be counted, or null. Replays of old events are legitimate here (ingest bounds
     * the age), but an event far ahead of the clock would move stream time past every honest event, and the
     * broker refuses output records stamped more than an hour ahead; Kafka cannot carry times before 1970.
     */
    private String timeOutOfBounds(long occurredAtMillis) {
        long now = context().currentSystemTimeMs();
        if (occurredAtMillis > now + maxFutureSkewMs) {
            return "is " + Duration.ofMillis(occurredAtMillis - now).toMinutes() + " minutes ahead of the processors' "
                    + "clock; at most " + Duration.ofMillis(maxFutureSkewMs).toMinutes() + " are accepted";
        }
        if (occurredAtMillis < 0) {
            return "is before 1970-01-01T00:00:00Z, which Kafka record times cannot express";
        }
        return null;
    }

    private void deadLetter(FixedKeyRecord<String, byte[]> record, String reason, String message) {
        accounting.add(Accounting.Outcome.DEAD_LETTERED);
        metrics.deadLettered(reason);
        RecordMetadata origin = context().recordMetadata().orElse(null);
        DeadLetterHeaders.write(record.headers(), reason, INVALID_EVENT, message,
                origin == null ? null : origin.topic(), origin == null ? -1 : origin.partition(),
                origin == null ? -1 : origin.offset());
        context().forward(record.withValue(new Parsed(null, record.value())));
    }
}
