package org.hbew.indicators.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.hbew.indicators.http.ApiError;

/**
 * The gateway's own Prometheus registry (ingest and processors each serve their own {@code /metrics}, possibly
 * from one JVM) and what it measures:
 * <ul>
 *   <li>{@code hbew_ingest_events_total{city,result}}: every event of a request that got as far as being read,
 *       counted once under what happened to its request (a valid event in a request rejected for another
 *       event's problem counts as {@code invalid}). {@code city} is a catalog city or {@code unknown}, so the
 *       labels stay bounded whatever is posted; every combination exists from the start at 0.</li>
 *   <li>{@code hbew_ingest_request_seconds{status}}: latency of {@code POST /v1/events} as a histogram.</li>
 *   <li>{@code hbew_ingest_in_flight_events}: events handed to Kafka and not yet acknowledged.</li>
 *   <li>the producer's own metrics ({@code kafka_producer_*}) and the JVM's (memory, GC, threads, class
 *       loading, CPU, uptime).</li>
 * </ul>
 */
final class IngestMetrics implements AutoCloseable {

    static final String UNKNOWN_CITY = "unknown";

    /** What happened to an event; the {@code result} label. */
    enum Result {
        ACCEPTED, INVALID, FORBIDDEN, THROTTLED, UNAVAILABLE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The result an error answer stands for, or null for answers given before events were read. */
        static Result of(ApiError error) {
            return switch (error.status()) {
                case 400 -> INVALID;
                case 403 -> FORBIDDEN;
                case 429 -> THROTTLED;
                case 503 -> UNAVAILABLE;
                default -> null;
            };
        }
    }

    private static final Duration[] LATENCY_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2_500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Map<Result, Counter>> events = new HashMap<>();
    private final Map<Integer, Timer> requestTimers = new ConcurrentHashMap<>();
    private final JvmGcMetrics gcMetrics = new JvmGcMetrics();
    private KafkaClientMetrics producerMetrics;

    IngestMetrics(List<String> cityCodes) {
        for (String city : cityCodes) {
            registerCity(city);
        }
        registerCity(UNKNOWN_CITY);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    private void registerCity(String city) {
        Map<Result, Counter> byResult = new HashMap<>();
        for (Result result : Result.values()) {
            byResult.put(result, Counter.builder("hbew.ingest.events")
                    .description("Events posted to ingest, by city and by what happened to their request")
                    .tag("city", city)
                    .tag("result", result.label())
                    .register(registry));
        }
        events.put(city, byResult);
    }

    /** Counts each event under its city (as posted; {@code unknown} if not a catalog city). */
    void countEvents(List<String> cities, Result result) {
        Map<String, Integer> perCity = new HashMap<>();
        for (String city : cities) {
            perCity.merge(city != null && events.containsKey(city) ? city : UNKNOWN_CITY, 1, Integer::sum);
        }
        perCity.forEach((city, n) -> events.get(city).get(result).increment(n));
    }

    void recordRequest(int status, Duration took) {
        requestTimers.computeIfAbsent(status, s -> Timer.builder("hbew.ingest.request")
                .description("Time to answer POST /v1/events, by HTTP status")
                .tag("status", Integer.toString(s))
                .serviceLevelObjectives(LATENCY_BUCKETS)
                .register(registry)).record(took);
    }

    void gaugeInFlight(IntSupplier inFlight) {
        Gauge.builder("hbew.ingest.in.flight.events", inFlight::getAsInt)
                .description("Events handed to Kafka and not yet acknowledged")
                .register(registry);
    }

    void bindProducer(Producer<?, ?> producer) {
        producerMetrics = new KafkaClientMetrics(producer);
        producerMetrics.bindTo(registry);
    }

    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (producerMetrics != null) {
            producerMetrics.close();
        }
        gcMetrics.close();
        registry.close();
    }
}
