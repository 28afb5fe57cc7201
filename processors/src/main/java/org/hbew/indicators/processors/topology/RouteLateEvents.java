package org.hbew.indicators.processors.topology;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.processors.metrics.PipelineMetrics;

/**
 * Decides whether an event is still on time. Kafka Streams would drop an event whose window has
 * closed (window end plus grace at or before stream time) silently; this step makes that decision
 * first, with the same rule, and sends such events to hbew.events.late instead.
 *
 * <p>Stream time is the largest event time this task has admitted, kept in a store so a restart
 * does not forget it. It is never smaller than the stream time the window aggregations downstream
 * see (they see a subset of these events), so an event judged on time here is never dropped there.
 * Lateness is judged against the smallest window, so an on-time event counts in every window. What is on time
 * goes on to de-duplication, which decides whether it is counted.
 */
final class RouteLateEvents extends ContextualFixedKeyProcessor<String, EventEnvelope, Routed> {

    static final String STORE = "stream-time-store";
    static final String LATE_BY_HEADER = "hbew.late.by.ms";
    static final String STREAM_TIME_HEADER = "hbew.stream.time";
    private static final String STREAM_TIME_KEY = "stream-time";

    private final WindowSpec smallest;
    private final long graceMs;
    private final PipelineMetrics metrics;
    private KeyValueStore<String, Long> streamTimeStore;
    private Accounting accounting;
    private long streamTime = Long.MIN_VALUE;

    RouteLateEvents(WindowSpec smallest, Duration grace, PipelineMetrics metrics) {
        this.smallest = smallest;
        this.graceMs = grace.toMillis();
        this.metrics = metrics;
    }

    @Override
    public void init(FixedKeyProcessorContext<String, Routed> context) {
        super.init(context);
        streamTimeStore = context.getStateStore(STORE);
        KeyValueStore<String, Long> accountingStore = context.getStateStore(Accounting.STORE);
        accounting = new Accounting(accountingStore);
        Long stored = streamTimeStore.get(STREAM_TIME_KEY);
        streamTime = stored == null ? Long.MIN_VALUE : stored;
    }

    @Override
    public void process(FixedKeyRecord<String, EventEnvelope> record) {
        EventEnvelope event = record.value();
        long at = event.occurredAtMillis();
        long windowEnd = smallest.startOf(at) + smallest.sizeMs();
        if (streamTime != Long.MIN_VALUE && windowEnd + graceMs <= streamTime) {
            long lateBy = streamTime - at;
            accounting.add(Accounting.Outcome.LATE);
            metrics.late(event.item(), event.city());
            record.headers().remove(LATE_BY_HEADER).add(LATE_BY_HEADER, bytes(Long.toString(lateBy)));
            record.headers().remove(STREAM_TIME_HEADER).add(STREAM_TIME_HEADER, bytes(Long.toString(streamTime)));
            context().forward(record.withValue(new Routed(event, lateBy)));
            return;
        }
        if (at > streamTime) {
            streamTime = at;
            streamTimeStore.put(STREAM_TIME_KEY, at);
        }
        context().forward(record.withValue(new Routed(event, -1)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
