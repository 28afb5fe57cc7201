package org.hbew.indicators.exactlyonce;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.simulator.EventGenerator;
import org.hbew.indicators.simulator.GeneratorSettings;

/**
 * A sender thread writing the simulator's events straight to hbew.events.raw at a steady rate, keyed
 * {@code <item>:<city>} and stamped with their event time as ingest writes them: every event happens now (nothing
 * is late), and a share of the records re-send a recent event with its city and eventId, as a retrying city
 * system would. Its producer is idempotent with {@code acks=all}, so each record is on the topic exactly once, in
 * the order sent; everything sent goes into a {@link SentTally}, which is read only after {@link #stop()}.
 */
final class SteadyLoad implements AutoCloseable {

    private static final JsonSerde<EventEnvelope> SERDE = JsonSerde.of(EventEnvelope.class);
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final KafkaProducer<String, byte[]> producer;
    private final EventGenerator generator;
    private final SentTally tally;
    private final int eventsPerSecond;
    private final Thread sender;
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private volatile boolean running = true;

    private SteadyLoad(String bootstrapServers, Catalog catalog, long seed, double resendShare, int eventsPerSecond) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "crash-it-load",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
        this.generator = new EventGenerator(catalog,
                GeneratorSettings.defaults(seed).withShares(resendShare, 0, Duration.ZERO), Clock.systemUTC());
        this.tally = new SentTally(catalog);
        this.eventsPerSecond = eventsPerSecond;
        this.sender = new Thread(this::send, "crash-it-load");
    }

    /**
     * Starts sending.
     *
     * @param resendShare share of records that re-send an event already sent
     */
    static SteadyLoad start(String bootstrapServers, Catalog catalog, long seed, double resendShare,
                            int eventsPerSecond) {
        SteadyLoad load = new SteadyLoad(bootstrapServers, catalog, seed, resendShare, eventsPerSecond);
        load.sender.start();
        return load;
    }

    /** Records the broker has acknowledged so far. */
    long acknowledged() {
        return acknowledged.get();
    }

    /**
     * Stops sending and waits until every record sent is acknowledged.
     *
     * @return what was sent
     * @throws IllegalStateException if any record could not be written
     */
    SentTally stop() throws InterruptedException {
        running = false;
        sender.join();
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("the load could not write every record to hbew.events.raw",
                    failure.get());
        }
        return tally;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sender.join(TimeUnit.SECONDS.toMillis(30));
        producer.close(Duration.ofSeconds(10));
    }

    private void send() {
        long start = System.nanoTime();
        long sent = 0;
        try {
            while (running && failure.get() == null) {
                long due = (System.nanoTime() - start) * eventsPerSecond / TimeUnit.SECONDS.toNanos(1);
                for (; sent < due && running; sent++) {
                    EventEnvelope event = generator.next().event();
                    producer.send(new ProducerRecord<>(Topics.RAW.name(), null, event.occurredAtMillis(),
                            event.rawKey(), SERDE.toBytes(event)), (metadata, exception) -> {
                                if (exception == null) {
                                    acknowledged.incrementAndGet();
                                } else {
                                    failure.compareAndSet(null, exception);
                                }
                            });
                    tally.add(event);
                }
                TimeUnit.NANOSECONDS.sleep(PACE_NANOS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }
}
