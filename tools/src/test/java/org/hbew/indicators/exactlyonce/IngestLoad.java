package org.hbew.indicators.exactlyonce;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.ingestclient.IngestClient;
import org.hbew.indicators.ingestclient.PostResult;
import org.hbew.indicators.ingestclient.RetryPolicy;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.simulator.EventGenerator;
import org.hbew.indicators.simulator.GeneratorSettings;

/**
 * A steady load of the simulator's events through ingest's HTTP API, as the cities' systems send it: a pacer
 * makes new events (no deliberate re-sends, nothing late) at a fixed rate and hands each to its city's sender;
 * each city posts what has queued up, in batches, with its own token and its own {@link IngestClient}, which
 * retries 429, 503 and no answer as it does for the simulator. An event counts as acknowledged when its batch is
 * answered 202; the load remembers how many attempts that took, since a batch answered 503 may be partly on
 * Kafka already and is then written again by the retry. Everything acknowledged goes into a {@link SentTally},
 * read only after {@link #stop()}.
 */
final class IngestLoad implements AutoCloseable {

    /** What became of one posted batch. */
    record Batch(String city, List<EventEnvelope> events, int attempts, PostResult result) {
    }

    private static final int MAX_BATCH = 100;
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final List<EventEnvelope> END = List.of();

    private final EventGenerator generator;
    private final int eventsPerSecond;
    private final Map<String, BlockingQueue<List<EventEnvelope>>> queues = new HashMap<>();
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Batch> batches = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    private final SentTally tally;
    private volatile boolean running = true;

    private IngestLoad(URI ingest, Map<String, String> tokens, Catalog catalog, long seed, int eventsPerSecond) {
        this.generator = new EventGenerator(catalog, GeneratorSettings.defaults(seed).withShares(0, 0, Duration.ZERO),
                Clock.systemUTC());
        this.eventsPerSecond = eventsPerSecond;
        this.tally = new SentTally(catalog);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        threads.add(new Thread(this::pace, "failover-it-pacer"));
        tokens.forEach((city, token) -> {
            BlockingQueue<List<EventEnvelope>> queue = new LinkedBlockingQueue<>();
            queues.put(city, queue);
            IngestClient client = new IngestClient(ingest, http, Duration.ofSeconds(30), RetryPolicy.defaults());
            threads.add(new Thread(() -> send(city, token, queue, client), "failover-it-" + city));
        });
    }

    /** Starts sending {@code eventsPerSecond} events to ingest at {@code ingest}, with a token per city. */
    static IngestLoad start(URI ingest, Map<String, String> tokens, Catalog catalog, long seed, int eventsPerSecond) {
        IngestLoad load = new IngestLoad(ingest, tokens, catalog, seed, eventsPerSecond);
        load.threads.forEach(Thread::start);
        return load;
    }

    /** Events acknowledged (202) so far. */
    long acknowledged() {
        return acknowledged.get();
    }

    /**
     * Stops making events and waits until every city has posted what it had queued, its retries included.
     *
     * @return every batch posted, whatever became of it
     */
    List<Batch> stop() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.join();
        }
        return List.copyOf(batches);
    }

    /** What was acknowledged, each event once. Read it only after {@link #stop()}. */
    SentTally tally() {
        return tally;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private void pace() {
        long start = System.nanoTime();
        long made = 0;
        try {
            while (running) {
                long due = (System.nanoTime() - start) * eventsPerSecond / TimeUnit.SECONDS.toNanos(1);
                Map<String, List<EventEnvelope>> byCity = new HashMap<>();
                for (; made < due; made++) {
                    EventEnvelope event = generator.next().event();
                    byCity.computeIfAbsent(event.city(), c -> new ArrayList<>()).add(event);
                }
                for (Map.Entry<String, List<EventEnvelope>> city : byCity.entrySet()) {
                    queues.get(city.getKey()).put(city.getValue());
                }
                TimeUnit.NANOSECONDS.sleep(PACE_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            queues.values().forEach(queue -> queue.add(END));
        }
    }

    /** Posts the city's queued events in batches of at most {@link #MAX_BATCH} until the pacer has finished. */
    private void send(String city, String token, BlockingQueue<List<EventEnvelope>> queue, IngestClient client) {
        List<EventEnvelope> pending = new ArrayList<>();
        boolean ended = false;
        try {
            while (!ended || !pending.isEmpty()) {
                if (pending.isEmpty()) {
                    List<EventEnvelope> next = queue.take();
                    ended = next == END;
                    pending.addAll(next);
                }
                List<List<EventEnvelope>> more = new ArrayList<>();
                queue.drainTo(more);
                for (List<EventEnvelope> events : more) {
                    ended |= events == END;
                    pending.addAll(events);
                }
                while (!pending.isEmpty()) {
                    List<EventEnvelope> batch = List.copyOf(pending.subList(0, Math.min(MAX_BATCH, pending.size())));
                    pending.subList(0, batch.size()).clear();
                    post(city, token, batch, client);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void post(String city, String token, List<EventEnvelope> events, IngestClient client)
            throws InterruptedException {
        long retriesBefore = client.retries();
        PostResult result = client.post(token, lines(events));
        int attempts = 1 + (int) (client.retries() - retriesBefore);
        batches.add(new Batch(city, events, attempts, result));
        if (result instanceof PostResult.Accepted) {
            synchronized (tally) {
                events.forEach(tally::add);
            }
            acknowledged.addAndGet(events.size());
        }
    }

    private static List<String> lines(List<EventEnvelope> events) {
        List<String> lines = new ArrayList<>(events.size());
        for (EventEnvelope event : events) {
            try {
                lines.add(Json.mapper().writeValueAsString(event));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("an event of the generator is not serialisable", e);
            }
        }
        return lines;
    }
}
