package org.hbew.indicators.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hbew.indicators.ingestclient.EventProblem;
import org.hbew.indicators.ingestclient.IngestClient;
import org.hbew.indicators.ingestclient.PostResult;
import org.hbew.indicators.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts one city's batches with that city's token, on a thread of its own, so a city that ingest
 * throttles or refuses does not hold up the others until its queue is full. Failures are logged when
 * they start and when they end, not per batch.
 */
final class CitySender implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(CitySender.class);
    private static final List<GeneratedEvent> END = List.of();

    private final String city;
    private final String token;
    private final IngestClient client;
    private final SimulatorCounters counters;
    private final BlockingQueue<List<GeneratedEvent>> queue;
    private String failing;
    private boolean refusalLogged;

    CitySender(String city, String token, IngestClient client, SimulatorCounters counters, int queuedBatches) {
        this.city = city;
        this.token = token;
        this.client = client;
        this.counters = counters;
        this.queue = new ArrayBlockingQueue<>(queuedBatches);
    }

    /** Hands over a batch, waiting while the queue is full: a slow ingest slows the simulator down. */
    void enqueue(List<GeneratedEvent> batch) throws InterruptedException {
        queue.put(batch);
    }

    /** Asks the sender to stop once the batches queued so far are sent. */
    boolean finish(long timeoutMillis) throws InterruptedException {
        return queue.offer(END, timeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void run() {
        try {
            while (true) {
                List<GeneratedEvent> batch = queue.take();
                if (batch == END) {
                    return;
                }
                count(batch);
                send(lines(batch));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void count(List<GeneratedEvent> batch) {
        counters.sentBy(city, batch.size());
        for (GeneratedEvent event : batch) {
            switch (event.kind()) {
                case DUPLICATE -> counters.duplicates.increment();
                case LATE -> counters.late.increment();
                case FRESH -> { }
            }
        }
    }

    private void send(List<String> lines) throws InterruptedException {
        List<String> pending = lines;
        while (!pending.isEmpty()) {
            PostResult result;
            try {
                result = client.post(token, pending);
            } catch (InterruptedException e) {
                counters.failed.add(pending.size());
                throw e;
            }
            if (result instanceof PostResult.Accepted accepted) {
                counters.accepted.add(accepted.accepted());
                recovered();
                return;
            } else if (result instanceof PostResult.Refused refused) {
                Set<Integer> bad = refused.problems().stream().map(EventProblem::index).collect(Collectors.toSet());
                counters.rejected.add(bad.size());
                logRefusal(refused, bad.size());
                pending = without(pending, bad);
            } else if (result instanceof PostResult.TooLarge && pending.size() > 1) {
                int half = pending.size() / 2;
                send(pending.subList(0, half));
                send(pending.subList(half, pending.size()));
                return;
            } else {
                counters.failed.add(pending.size());
                failing(result instanceof PostResult.Failed f ? f.message() : "too large: " + result);
                return;
            }
        }
    }

    /** The first refusal at WARN, the rest at DEBUG: simulated events are valid unless settings make them old. */
    private void logRefusal(PostResult.Refused refused, int events) {
        if (!refusalLogged) {
            log.warn("Ingest refused {} simulated event(s) of {} ({}), e.g. {}; further refusals are only counted",
                    events, city, refused.error(), refused.problems().get(0));
            refusalLogged = true;
        } else {
            log.debug("Ingest refused {} simulated event(s) of {}: {}", events, city, refused.problems());
        }
    }

    private static List<String> without(List<String> lines, Set<Integer> indexes) {
        List<String> rest = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            if (!indexes.contains(i)) {
                rest.add(lines.get(i));
            }
        }
        return rest;
    }

    private void failing(String why) {
        if (failing == null) {
            log.warn("Simulated events of {} are failing: {}", city, why);
        }
        failing = why;
    }

    private void recovered() {
        if (failing != null) {
            log.info("Simulated events of {} are accepted again", city);
            failing = null;
        }
    }

    private static List<String> lines(List<GeneratedEvent> batch) {
        List<String> lines = new ArrayList<>(batch.size());
        for (GeneratedEvent event : batch) {
            try {
                lines.add(Json.mapper().writeValueAsString(event.event()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a generated event as JSON", e);
            }
        }
        return lines;
    }
}
