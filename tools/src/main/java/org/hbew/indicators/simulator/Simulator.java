package org.hbew.indicators.simulator;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.ingestclient.IngestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the {@link EventGenerator}'s events to an ingest gateway at a steady rate, each city with its own
 * token, as NDJSON batches. Made to be embedded: standalone and the integration tests run it in-process,
 * {@code ./hbew simulate} runs it alone.
 *
 * <p>A pacer thread pulls as many events as the rate allows every {@value #TICK_MILLIS} ms and hands them,
 * grouped by city, to one sender thread per city. When ingest pushes back (429, 503, slow answers) the
 * senders' queues fill, the pacer waits, and the simulator slows down instead of piling events up; it
 * never catches up more than a second's worth afterwards.
 */
public final class Simulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Simulator.class);

    static final long TICK_MILLIS = 100;
    private static final int QUEUED_BATCHES_PER_CITY = 16;
    private static final double MAX_CATCH_UP_SECONDS = 1;
    private static final long DRAIN_TIMEOUT_SECONDS = 10;
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(DRAIN_TIMEOUT_SECONDS);

    private final SimulatorConfig config;
    private final Ticker ticker;
    private final EventGenerator generator;
    private final ExecutorService httpExecutor;
    private final IngestClient client;
    private final SimulatorCounters counters = new SimulatorCounters();
    private final Map<String, CitySender> senders = new LinkedHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    private Thread pacer;
    private volatile boolean running;
    private boolean closed;

    public Simulator(SimulatorConfig config, Catalog catalog) {
        this(config, catalog, Clock.systemUTC());
    }

    /**
     * @throws IllegalArgumentException if a city has neither its own token nor an admin token to fall back on
     */
    public Simulator(SimulatorConfig config, Catalog catalog, Clock clock) {
        this(config, catalog, clock, Ticker.SYSTEM);
    }

    /** With the pacer's time in the hands of {@code ticker}, so that a test can step it. */
    Simulator(SimulatorConfig config, Catalog catalog, Clock clock, Ticker ticker) {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String city : catalog.cityCodes()) {
            tokens.put(city, config.tokenFor(city).orElseThrow(() -> new IllegalArgumentException(
                    "no token for " + city + " and no admin token: add '" + city + "=<token>' to the tokens")));
        }
        this.config = config;
        this.ticker = ticker;
        this.generator = new EventGenerator(catalog, config.generator(), clock);
        AtomicInteger threadNumber = new AtomicInteger();
        this.httpExecutor = Executors.newFixedThreadPool(2, r -> daemon(r, "hbew-simulator-http-"
                + threadNumber.incrementAndGet()));
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(httpExecutor)
                .build();
        this.client = new IngestClient(config.ingestUrl(), http, config.requestTimeout(), config.retry());
        tokens.forEach((city, token) -> senders.put(city,
                new CitySender(city, token, client, counters, QUEUED_BATCHES_PER_CITY)));
    }

    /** Starts sending; returns at once. */
    public synchronized void start() {
        if (running || closed) {
            throw new IllegalStateException(closed ? "the simulator is closed" : "the simulator is already running");
        }
        running = true;
        senders.forEach((city, sender) -> threads.add(start(sender, "hbew-simulator-" + city)));
        pacer = start(this::pace, "hbew-simulator-pacer");
        log.info("Simulating {} events/s for {} cities to {} (scenario {}, seed {})", config.rate(), senders.size(),
                client.eventsUri(), generator.scenario().code(), config.generator().seed());
    }

    /**
     * Changes the scenario from now on, while running or not.
     *
     * @param outageCity the city that falls silent in {@link Scenario#CITY_OUTAGE}; ignored by the others
     * @throws IllegalArgumentException for city-outage without a known city
     */
    public void switchScenario(Scenario scenario, String outageCity) {
        if (scenario == Scenario.CITY_OUTAGE && outageCity == null) {
            throw new IllegalArgumentException("city-outage needs the city that falls silent");
        }
        generator.switchScenario(scenario, outageCity);
        log.info("Simulator scenario is now {}{}", scenario.code(),
                scenario == Scenario.CITY_OUTAGE ? " (" + outageCity + " silent)" : "");
    }

    public Scenario scenario() {
        return generator.scenario();
    }

    public SimulatorStats stats() {
        return counters.snapshot(client.retries());
    }

    public boolean isRunning() {
        return running;
    }

    /**
     * Stops generating, lets the senders post what is queued (for up to {@value #DRAIN_TIMEOUT_SECONDS}
     * seconds), then stops them. Safe to call more than once, and without {@link #start()}.
     */
    @Override
    public void close() {
        Thread pacerThread;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = false;
            pacerThread = pacer;
        }
        try {
            if (pacerThread != null) {
                pacerThread.interrupt();
                pacerThread.join(DRAIN_TIMEOUT.toMillis());
            }
            drainSenders();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads.forEach(Thread::interrupt);
        } finally {
            httpExecutor.shutdownNow();
        }
        SimulatorStats stats = stats();
        if (pacerThread != null) {
            log.info("Simulator stopped: {} sent, {} accepted, {} rejected, {} failed ({} duplicates, {} late)",
                    stats.sent(), stats.accepted(), stats.rejected(), stats.failed(), stats.duplicates(), stats.late());
        }
    }

    private void drainSenders() throws InterruptedException {
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        for (CitySender sender : senders.values()) {
            if (!sender.finish(remainingMillis(deadline))) {
                break;
            }
        }
        for (Thread thread : threads) {
            thread.join(Math.max(1, remainingMillis(deadline)));
        }
        for (Thread thread : threads) {
            if (thread.isAlive()) {
                log.warn("Simulator sender {} did not finish within {}; stopping it", thread.getName(), DRAIN_TIMEOUT);
                thread.interrupt();
                thread.join(TimeUnit.SECONDS.toMillis(2));
            }
        }
    }

    private void pace() {
        long startNanos = ticker.nanoTime();
        double skipped = 0;
        long generated = 0;
        try {
            while (running) {
                double due = config.rate() * (ticker.nanoTime() - startNanos) / 1e9 - skipped - generated;
                double allowed = config.rate() * MAX_CATCH_UP_SECONDS;
                if (due > allowed) {
                    skipped += due - allowed;
                    due = allowed;
                }
                int count = (int) Math.floor(due);
                if (count > 0) {
                    dispatch(count);
                    generated += count;
                }
                ticker.sleep(TICK_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("Simulator pacer failed; no more events are generated", e);
        }
    }

    private void dispatch(int count) throws InterruptedException {
        Map<String, List<GeneratedEvent>> byCity = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            GeneratedEvent event = generator.next();
            List<GeneratedEvent> batch = byCity.computeIfAbsent(event.city(), c -> new ArrayList<>());
            batch.add(event);
            if (batch.size() == config.maxBatchSize()) {
                senders.get(event.city()).enqueue(batch);
                byCity.remove(event.city());
            }
        }
        for (Map.Entry<String, List<GeneratedEvent>> batch : byCity.entrySet()) {
            senders.get(batch.getKey()).enqueue(batch.getValue());
        }
    }

    private static long remainingMillis(long deadlineNanos) {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()));
    }

    /**
     * The pacer's sense of time: a monotonic clock and the sleep between ticks. The rate is kept by reading the
     * clock, not by counting sleeps, so a tick that sleeps long (a busy machine, a stalled sender) is made up for,
     * up to a second's worth.
     */
    interface Ticker {

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(long millis) throws InterruptedException {
                Thread.sleep(millis);
            }
        };

        long nanoTime();

        void sleep(long millis) throws InterruptedException;
    }

    private static Thread start(Runnable task, String name) {
        Thread thread = daemon(task, name);
        thread.start();
        return thread;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
