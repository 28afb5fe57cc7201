package org.hbew.indicators.processors.topology;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.event.Observation;
import org.hbew.indicators.event.Observations;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.processors.aggregate.ItemCityWindow;
import org.hbew.indicators.processors.metrics.PipelineMetrics;
import org.hbew.indicators.processors.state.CounterStore;
import org.hbew.indicators.processors.state.LiveWindowStore;
import org.hbew.indicators.processors.state.SeenEventIds;

/**
 * Reads each raw record ({@link RawEventReader}), decides whether its event is late, a duplicate or counted, and
 * counts it into every window (1 hour and 1 day by default), all in one node. This is the hot path: an event costs
 * a parse and a few in-memory updates of live objects, and the stores write what changed once per commit
 * ({@link LiveWindowStore}, {@link SeenEventIds}, {@link CounterStore}). Only what leaves the node (dead letters,
 * late events, the changed figures on each emit interval) is forwarded.
 *
 * <ol>
 *   <li><b>Dead-lettered</b>: not a valid event, or one that cannot be counted ({@link RawEventReader}).</li>
 *   <li><b>Late</b>: its smallest window ended more than the grace before the task's stream time (the largest
 *       event time admitted so far). Kafka Streams would drop it silently; here it goes to hbew.events.late.
 *       Lateness is judged first, so a late event leaves no trace in the de-duplication memory and can be
 *       posted again, with its eventId, once a longer grace admits it.</li>
 *   <li><b>Duplicate</b>: its city and eventId were counted before within the de-duplication horizon. Keyed by
 *       city, so one city cannot suppress another's events by reusing their ids.</li>
 *   <li><b>Counted</b>: added to the figures of each window it falls in.</li>
 * </ol>
 *
 * <p>Changed figures are sent on every emit interval (wall clock), one {@link ItemCityUpdate} per item and city
 * with all its changed windows. What was changed but not yet sent when a commit happens is committed as state;
 * after a restart the figures of every window still open are sent again, which covers it, because a window with
 * unsent changes is sent at once when stream time closes it.
 */
final class CountEvents extends ContextualProcessor<String, byte[], String, Counted> {

    static final String STREAM_TIME_STORE = "stream-time-store";
    static final String SEEN_STORE = "seen-event-ids-store";
    static final String LATE_BY_HEADER = "hbew.late.by.ms";
    static final String STREAM_TIME_HEADER = "hbew.stream.time";
    private static final String STREAM_TIME = "stream-time";

    private final Catalog catalog;
    private final RawEventReader reader;
    private final TopologySettings settings;
    private final PipelineMetrics metrics;
    private final List<WindowSpec> windows;
    private final long graceMs;
    private final long horizonMs;

    private final List<LiveWindowStore<ItemCityWindow>> figures = new ArrayList<>();
    private CounterStore streamTimes;
    private SeenEventIds seen;
    private Accounting accounting;
    private long streamTime;

    /** Figures changed since they were last sent, by raw key, in the order they first changed. */
    private final Map<String, Unsent> unsent = new LinkedHashMap<>();
    /** The earliest time at which a window with unsent changes closes (its end plus the grace). */
    private long firstUnsentCloses = Long.MAX_VALUE;

    CountEvents(Catalog catalog, EventParser parser, TopologySettings settings, PipelineMetrics metrics) {
        this.catalog = catalog;
        this.reader = new RawEventReader(parser, metrics, settings.maxFutureSkew());
        this.settings = settings;
        this.metrics = metrics;
        this.windows = settings.windows();
        this.graceMs = settings.grace().toMillis();
        this.horizonMs = settings.dedupeHorizon().toMillis();
    }

    static String[] storeNames(TopologySettings settings) {
        List<String> names = new ArrayList<>(List.of(STREAM_TIME_STORE, SEEN_STORE, Accounting.STORE));
        settings.windows().forEach(w -> names.add(w.cityStoreName()));
        return names.toArray(String[]::new);
    }

    @Override
    public void init(ProcessorContext<String, Counted> context) {
        super.init(context);
        figures.clear();
        for (WindowSpec window : windows) {
            figures.add(context.getStateStore(window.cityStoreName()));
        }
        streamTimes = context.getStateStore(STREAM_TIME_STORE);
        seen = context.getStateStore(SEEN_STORE);
        accounting = new Accounting(context.getStateStore(Accounting.STORE));
        streamTime = streamTimes.value(STREAM_TIME, Long.MIN_VALUE);
        unsent.clear();
        firstUnsentCloses = Long.MAX_VALUE;
        resendOpenWindows();
        context.schedule(settings.emitInterval(), PunctuationType.WALL_CLOCK_TIME, now -> sendChanged());
    }

    @Override
    public void process(Record<String, byte[]> record) {
        EventEnvelope event = reader.read(record, context(), accounting);
        if (event == null) {
            context().forward(record.withValue(new Counted.DeadLetter(record.value())));
            return;
        }
        long at = event.occurredAtMillis();
        WindowSpec smallest = windows.get(0);
        if (streamTime != Long.MIN_VALUE && smallest.startOf(at) + smallest.sizeMs() + graceMs <= streamTime) {
            late(record, event, streamTime - at);
            return;
        }
        if (at > streamTime) {
            advanceStreamTime(at);
        }
        if (seen.seenBefore(event.city(), event.eventId(), at, horizonMs)) {
            accounting.add(Accounting.Outcome.DUPLICATE);
            metrics.duplicate(event.item(), event.city());
            return;
        }
        accounting.add(Accounting.Outcome.COUNTED);
        metrics.counted(event.city());
        Item item = catalog.item(event.item()).orElseThrow();
        String key = record.key();
        Unsent pending = unsent.computeIfAbsent(key, k -> new Unsent(event.item(), event.city(), windows.size()));
        List<Observation> observations = Observations.of(item, event);
        for (int w = 0; w < windows.size(); w++) {
            WindowSpec window = windows.get(w);
            long start = window.startOf(at);
            figures.get(w).changing(key, start, ItemCityWindow::new).add(event, observations);
            if (pending.starts[w].add(start)) {
                firstUnsentCloses = Math.min(firstUnsentCloses, start + window.sizeMs() + graceMs);
            }
        }
    }

    private void late(Record<String, byte[]> record, EventEnvelope event, long lateBy) {
        accounting.add(Accounting.Outcome.LATE);
        metrics.late(event.item(), event.city());
        record.headers().remove(LATE_BY_HEADER).add(LATE_BY_HEADER, bytes(Long.toString(lateBy)));
        record.headers().remove(STREAM_TIME_HEADER).add(STREAM_TIME_HEADER, bytes(Long.toString(streamTime)));
        context().forward(record.withValue(new Counted.Late(event, lateBy)));
    }

    private void advanceStreamTime(long at) {
        streamTime = at;
        streamTimes.raiseTo(STREAM_TIME, at);
        seen.expireBefore(at - horizonMs);
        if (streamTime >= firstUnsentCloses) {
            // A window is closing with changes not sent yet: send now, so that what is unsent is always in an open
            // window, which a restart sends again.
            sendChanged();
        }
    }

    /** Sends the figures of every window changed since the last time, one record per item and city. */
    private void sendChanged() {
        for (Map.Entry<String, Unsent> e : unsent.entrySet()) {
            Unsent pending = e.getValue();
            List<ItemCityUpdate.WindowFigures> changed = new ArrayList<>();
            long timestamp = Long.MIN_VALUE;
            for (int w = 0; w < windows.size(); w++) {
                WindowStarts starts = pending.starts[w];
                for (int i = 0; i < starts.size; i++) {
                    long start = starts.values[i];
                    ItemCityWindow current = figures.get(w).get(e.getKey(), start);
                    if (current != null) {
                        changed.add(new ItemCityUpdate.WindowFigures(windows.get(w), start, current));
                        timestamp = Math.max(timestamp, current.lastEventAt());
                    }
                }
            }
            if (!changed.isEmpty()) {
                context().forward(new Record<>(e.getKey(), new ItemCityUpdate(pending.item, pending.city, changed),
                        Math.max(0, timestamp)));
            }
        }
        unsent.clear();
        firstUnsentCloses = Long.MAX_VALUE;
    }

    /** After a restart or a rebalance: every window still open may have changes that were committed but not sent. */
    private void resendOpenWindows() {
        if (streamTime == Long.MIN_VALUE) {
            return;
        }
        for (int w = 0; w < windows.size(); w++) {
            WindowSpec window = windows.get(w);
            long firstOpenStart = streamTime - window.sizeMs() - graceMs + 1;
            try (KeyValueIterator<Windowed<String>, ItemCityWindow> open =
                         figures.get(w).committedWindows(firstOpenStart, streamTime)) {
                while (open.hasNext()) {
                    KeyValue<Windowed<String>, ItemCityWindow> next = open.next();
                    String key = next.key.key();
                    Keys.ItemCity itemCity = Keys.parseRaw(key);
                    unsent.computeIfAbsent(key, k -> new Unsent(itemCity.item(), itemCity.city(), windows.size()))
                            .starts[w].add(next.key.window().start());
                }
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The window starts with unsent changes of one item and city, per window size. */
    private static final class Unsent {
        final int item;
        final String city;
        final WindowStarts[] starts;

        Unsent(int item, String city, int windowCount) {
            this.item = item;
            this.city = city;
            this.starts = new WindowStarts[windowCount];
            for (int i = 0; i < windowCount; i++) {
                starts[i] = new WindowStarts();
            }
        }
    }

    /**
     * The starts of one window size, in the order first added, without duplicates. Between two emits an item and
     * city's events fall in one or two windows of a size, so a scan beats a set (and boxes nothing per event).
     */
    private static final class WindowStarts {
        long[] values = new long[2];
        int size;

        /** Adds {@code start} and returns true, or returns false if it is there already. */
        boolean add(long start) {
            for (int i = 0; i < size; i++) {
                if (values[i] == start) {
                    return false;
                }
            }
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = start;
            return true;
        }
    }
}
