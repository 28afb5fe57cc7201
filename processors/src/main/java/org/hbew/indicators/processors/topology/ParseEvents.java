package org.hbew.indicators.processors.topology;

import java.util.stream.Collectors;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.event.ParseResult;
import org.hbew.indicators.event.Problem;
import org.hbew.indicators.processors.errors.DeadLetterHeaders;
import org.hbew.indicators.processors.metrics.PipelineMetrics;

/**
 * Reads a raw record as an event envelope v1 with the same rules as ingest, minus the time bounds
 * (a replay of old raw data is legitimate here). A record that fails, or whose key is not the
 * event's {@code <item>:<city>} (a producer that bypassed ingest), is marked for the dead-letter
 * topic with its reason and origin in headers; nothing is dropped silently.
 */
final class ParseEvents extends ContextualFixedKeyProcessor<String, byte[], Parsed> {

    private static final String INVALID_EVENT = "org.hbew.indicators.InvalidEvent";

    private final EventParser parser;
    private final PipelineMetrics metrics;
    private Accounting accounting;

    ParseEvents(EventParser parser, PipelineMetrics metrics) {
        this.parser = parser;
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Parsed> context) {
        super.init(context);
        KeyValueStore<String, Long> store = context.getStateStore(Accounting.STORE);
        accounting = new Accounting(store);
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        accounting.add(Accounting.Outcome.RECEIVED);
        ParseResult result = parser.parse(record.value());
        if (result instanceof ParseResult.Valid valid) {
            String expectedKey = valid.event().rawKey();
            if (expectedKey.equals(record.key())) {
                context().forward(record.withValue(new Parsed(valid.event(), record.value())));
                return;
            }
            deadLetter(record, Problem.Kind.KEY.reason(), "record key '" + record.key() + "' is not the event's "
                    + "<item>:<city> '" + expectedKey + "'");
            return;
        }
        ParseResult.Invalid invalid = (ParseResult.Invalid) result;
        deadLetter(record, invalid.reason().reason(),
                invalid.problems().stream().map(Problem::toString).collect(Collectors.joining("; ")));
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
