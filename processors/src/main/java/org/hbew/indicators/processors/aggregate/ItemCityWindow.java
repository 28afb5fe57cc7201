package org.hbew.indicators.processors.aggregate;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.Excerpt;
import org.hbew.indicators.event.FlowPayload;
import org.hbew.indicators.event.Observation;
import org.hbew.indicators.event.Observations;

/**
 * Everything one city reported on one item in one window: an accumulator per indicator, and for
 * the flow items the origin-to-destination cells of the flow. Keyed by {@code <item>:<city>}, the
 * key of hbew.events.raw, so it is built without repartitioning and with the same stream time as
 * the late-event check upstream of it.
 */
public final class ItemCityWindow {

    private long events;
    private long lastEventAt = Long.MIN_VALUE;
    private final Map<String, IndicatorAccumulator> indicators;
    private final Map<String, FlowCell> flows;

    public ItemCityWindow() {
        this(0, Long.MIN_VALUE, new TreeMap<>(), new TreeMap<>());
    }

    ItemCityWindow(long events, long lastEventAt, Map<String, IndicatorAccumulator> indicators,
                   Map<String, FlowCell> flows) {
        this.events = events;
        this.lastEventAt = lastEventAt;
        this.indicators = indicators;
        this.flows = flows;
    }

    /** Adds one on-time, de-duplicated event of {@code item}. Returns this, for use as a Kafka Streams aggregator. */
    public ItemCityWindow add(Item item, EventEnvelope event) {
        return add(event, Observations.of(item, event));
    }

    /**
     * Adds one on-time, de-duplicated event with what it observes ({@link Observations#of}), worked out once by a
     * caller that adds the event to several windows.
     */
    public ItemCityWindow add(EventEnvelope event, List<Observation> observations) {
        long at = event.occurredAtMillis();
        events++;
        lastEventAt = Math.max(lastEventAt, at);
        for (Observation observation : observations) {
            indicators.computeIfAbsent(observation.indicator().code(),
                    code -> IndicatorAccumulator.forIndicator(observation.indicator())).add(observation.value(), at);
        }
        FlowPayload payload = event.payload();
        if (payload != null) {
            flows.computeIfAbsent(cellKey(payload.origin(), payload.destination()), k -> new FlowCell())
                    .add(payload.completesMovement(), payload.amount());
        }
        return this;
    }

    /** Adds another city's window of the same item, for the regional rollup. */
    public void merge(ItemCityWindow other) {
        events += other.events;
        lastEventAt = Math.max(lastEventAt, other.lastEventAt);
        other.indicators.forEach((code, acc) -> indicators.merge(code, acc.copy(), (mine, theirs) -> {
            mine.merge(theirs);
            return mine;
        }));
        other.flows.forEach((cell, counts) -> flows.merge(cell, counts.copy(), (mine, theirs) -> {
            mine.merge(theirs);
            return mine;
        }));
    }

    /** The key of a flow cell in {@link #flows}: {@code <origin>><destination>}, two city codes. */
    public static String cellKey(String origin, String destination) {
        return origin + ">" + destination;
    }

    /** The cities of a {@link #cellKey}; an IllegalArgumentException if the key has not that shape. */
    public static Route parseCellKey(String key) {
        int arrow = key.indexOf('>');
        if (arrow <= 0 || arrow == key.length() - 1 || key.indexOf('>', arrow + 1) >= 0) {
            throw new IllegalArgumentException("not a flow cell key of the form <origin>><destination>: '"
                    + Excerpt.of(key, 100) + "'");
        }
        return new Route(key.substring(0, arrow), key.substring(arrow + 1));
    }

    /** The cities of a flow cell. */
    public record Route(String origin, String destination) {
    }

    public long events() {
        return events;
    }

    public long lastEventAt() {
        return lastEventAt;
    }

    /** Accumulators by indicator code, in code order. */
    public Map<String, IndicatorAccumulator> indicators() {
        return Collections.unmodifiableMap(indicators);
    }

    /** Flow cells by {@link #cellKey}, in key order. */
    public Map<String, FlowCell> flows() {
        return Collections.unmodifiableMap(flows);
    }
}
