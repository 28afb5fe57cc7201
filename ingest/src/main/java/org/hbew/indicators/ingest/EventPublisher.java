package org.hbew.indicators.ingest;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.http.ApiError;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.kafka.KafkaRefusal;
import org.hbew.indicators.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes checked events to {@code hbew.events.raw}: key {@code <item>:<city>} (so an event and all its duplicates
 * share a partition), value the canonical JSON of the envelope, record timestamp the event's {@code occurredAt}.
 *
 * <p>The returned future completes when Kafka has acknowledged every event of the request, or fails on the first
 * refusal or after the send timeout. Kafka's writes are per record, not per request: after a failure some events
 * of the request may be on the topic anyway. The sender retries with the same eventIds, and the processors drop
 * the duplicates; that is the contract, not a leak.
 *
 * <p>Events handed to the producer and not yet acknowledged are bounded by a semaphore. A request that does not
 * fit is refused at once (429) rather than queued, so a slow cluster shows as back-pressure on the senders
 * instead of growing memory or blocking in {@code send()}. A permit is returned when Kafka is done with its
 * record, not when the request gives up waiting, so the bound holds for what the producer really holds.
 */
final class EventPublisher {

    private static final Logger log = LoggerFactory.getLogger(EventPublisher.class);
    private static final JsonSerde<EventEnvelope> SERDE = JsonSerde.of(EventEnvelope.class);

    private final Producer<String, byte[]> producer;
    private final Semaphore permits;
    private final int maxInFlight;
    private final Duration sendTimeout;
    private final AtomicBoolean failing = new AtomicBoolean();

    EventPublisher(Producer<String, byte[]> producer, int maxInFlightEvents, Duration sendTimeout) {
        this.producer = producer;
        this.permits = new Semaphore(maxInFlightEvents);
        this.maxInFlight = maxInFlightEvents;
        this.sendTimeout = sendTimeout;
    }

    /**
     * @throws ApiError 429 when the events do not fit into the in-flight bound
     */
    CompletableFuture<Void> publish(List<EventEnvelope> events) {
        if (!permits.tryAcquire(events.size())) {
            throw IngestErrors.saturated();
        }
        CompletableFuture<?>[] acks = new CompletableFuture<?>[events.size()];
        for (int i = 0; i < events.size(); i++) {
            CompletableFuture<Void> ack;
            try {
                ack = send(events.get(i));
            } catch (RuntimeException e) {
                // The producer refused synchronously (closed, interrupted): the rest is never handed over.
                permits.release(events.size() - i);
                reportFailure(e);
                return CompletableFuture.failedFuture(e);
            }
            if (ack.isCompletedExceptionally()) {
                // Refused before it was even queued, typically no metadata within max.block.ms: each further
                // send would wait as long again, so the rest is not handed over.
                permits.release(events.size() - i - 1);
                return ack;
            }
            acks[i] = ack;
        }
        return CompletableFuture.allOf(acks).orTimeout(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Events handed to Kafka and not yet acknowledged or failed. */
    int inFlight() {
        return maxInFlight - permits.availablePermits();
    }

    private CompletableFuture<Void> send(EventEnvelope event) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RAW.name(), null,
                event.occurredAtMillis(), event.rawKey(), SERDE.toBytes(event));
        producer.send(record, (metadata, exception) -> {
            permits.release();
            if (exception == null) {
                reportSuccess();
                ack.complete(null);
            } else {
                reportFailure(exception);
                ack.completeExceptionally(exception);
            }
        });
        return ack;
    }

    /** Logs when Kafka starts and stops refusing events, not for every request in between. */
    private void reportFailure(Exception e) {
        if (failing.compareAndSet(false, true)) {
            String refusal = KafkaRefusal.describe(e).orElse(null);
            if (refusal != null) {
                log.error("{}; requests are answered 503 until that is fixed", refusal);
            } else {
                log.warn("Kafka did not acknowledge an event; requests are answered 503 until it does again: {}",
                        e.toString());
            }
        }
    }

    private void reportSuccess() {
        if (failing.compareAndSet(true, false)) {
            log.info("Kafka acknowledges events again");
        }
    }
}
