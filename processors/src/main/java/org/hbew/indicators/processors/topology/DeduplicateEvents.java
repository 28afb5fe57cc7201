package org.hbew.indicators.processors.topology;

import java.time.Duration;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.processors.metrics.PipelineMetrics;

/**
 * Drops an event whose eventId was already seen within the horizon, so a retried post or a re-run
 * import never counts twice. The ids live in a window store keyed by eventId and stamped with the
 * event time: its segments expire with the horizon, so the store does not grow without end. All
 * copies of an event share the raw key {@code <item>:<city>} and so meet in this task. It sees only events that
 * are on time, so a late event leaves no trace here and may be admitted later; what passes is counted.
 */
final class DeduplicateEvents extends ContextualFixedKeyProcessor<String, EventEnvelope, EventEnvelope> {

    static final String STORE = "dedupe-store";

    private final long horizonMs;
    private final PipelineMetrics metrics;
    private WindowStore<String, Long> seen;
    private Accounting accounting;

    DeduplicateEvents(Duration horizon, PipelineMetrics metrics) {
        this.horizonMs = horizon.toMillis();
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, EventEnvelope> context) {
        super.init(context);
        seen = context.getStateStore(STORE);
        KeyValueStore<String, Long> accountingStore = context.getStateStore(Accounting.STORE);
        accounting = new Accounting(accountingStore);
    }

    @Override
    public void process(FixedKeyRecord<String, EventEnvelope> record) {
        EventEnvelope event = record.value();
        String id = event.eventId().toString();
        long at = event.occurredAtMillis();
        try (WindowStoreIterator<Long> earlier = seen.fetch(id, at - horizonMs, at + horizonMs)) {
            if (earlier.hasNext()) {
                accounting.add(Accounting.Outcome.DUPLICATE);
                metrics.duplicate(event.item(), event.city());
                return;
            }
        }
        seen.put(id, at, at);
        accounting.add(Accounting.Outcome.COUNTED);
        metrics.counted(event.city());
        context().forward(record.withTimestamp(at));
    }
}
