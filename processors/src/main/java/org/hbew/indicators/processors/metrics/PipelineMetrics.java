package org.hbew.indicators.processors.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.City;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.event.Problem;
import org.hbew.indicators.kafka.Keys;

/**
 * Counters of what the pipeline set aside. Every label value comes from a bounded set (the catalog's
 * items and cities, the dead-letter reasons), and every series is registered at zero on start-up so
 * that dashboards and alert rules see it before the first event.
 *
 * <p>These are operational counters: a transaction aborted under exactly-once may be counted twice.
 * The exact figures are in the accounting store ({@code GET /v1/accounting}).
 */
public final class PipelineMetrics {

    /** Dead-letter reason for an exception the topology did not expect (Kafka Streams' processing handler). */
    public static final String REASON_PROCESSING_ERROR = "processing_error";
    /** Dead-letter reason for bytes a source could not deserialize (Kafka Streams' deserialization handler). */
    public static final String REASON_DESERIALIZATION_ERROR = "deserialization_error";

    private final Map<String, Counter> deadLetters = new HashMap<>();
    private final Map<String, Counter> late = new HashMap<>();
    private final Map<String, Counter> duplicates = new HashMap<>();
    private final Map<String, Counter> counted = new HashMap<>();

    public PipelineMetrics(MeterRegistry registry, Catalog catalog) {
        for (Problem.Kind kind : Problem.Kind.values()) {
            deadLetters.put(kind.reason(), deadLetterCounter(registry, kind.reason()));
        }
        deadLetters.put(REASON_PROCESSING_ERROR, deadLetterCounter(registry, REASON_PROCESSING_ERROR));
        deadLetters.put(REASON_DESERIALIZATION_ERROR, deadLetterCounter(registry, REASON_DESERIALIZATION_ERROR));
        for (Item item : catalog.items()) {
            for (City city : catalog.cities()) {
                String key = Keys.raw(item.number(), city.code());
                late.put(key, Counter.builder("hbew.late.events")
                        .description("Events that arrived after their window's grace, sent to hbew.events.late")
                        .tag("item", Integer.toString(item.number())).tag("city", city.code()).register(registry));
                duplicates.put(key, Counter.builder("hbew.duplicate.events")
                        .description("Events whose eventId was seen before within the de-duplication horizon")
                        .tag("item", Integer.toString(item.number())).tag("city", city.code()).register(registry));
            }
        }
        for (City city : catalog.cities()) {
            counted.put(city.code(), Counter.builder("hbew.counted.events")
                    .description("On-time, de-duplicated events counted into the indicators")
                    .tag("city", city.code()).register(registry));
        }
    }

    private static Counter deadLetterCounter(MeterRegistry registry, String reason) {
        return Counter.builder("hbew.dlq.records")
                .description("Records sent to hbew.events.dlq, by reason")
                .tag("reason", reason).register(registry);
    }

    public void deadLettered(String reason) {
        Counter counter = deadLetters.get(reason);
        if (counter != null) {
            counter.increment();
        }
    }

    public void late(int item, String city) {
        increment(late, Keys.raw(item, city));
    }

    public void duplicate(int item, String city) {
        increment(duplicates, Keys.raw(item, city));
    }

    public void counted(String city) {
        increment(counted, city);
    }

    private static void increment(Map<String, Counter> counters, String key) {
        Counter counter = counters.get(key);
        if (counter != null) {
            counter.increment();
        }
    }
}
