package org.hbew.indicators.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.ingest.IngestConfig;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's neighbour check: the records the gateway would write (same key, value bytes and timestamp), sent
 * by a producer with the gateway's settings from one thread, with at most as many unacknowledged events as the
 * gateway allows. Measured right before each gateway configuration, which is judged against it; too short to be
 * the broker's limit, which is B0's ({@link BaselineRun}).
 */
final class RawProducerRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RawProducerRun.class);
    private static final JsonSerde<EventEnvelope> SERDE = JsonSerde.of(EventEnvelope.class);

    private final KafkaProducer<String, byte[]> producer;

    /**
     * @param producerConfig the gateway's producer settings on the cluster
     *                       ({@link InProcessStack#gatewayProducerConfig})
     */
    RawProducerRun(Map<String, Object> producerConfig) {
        this.producer = new KafkaProducer<>(producerConfig,
                Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer());
    }

    /** Sends records untimed: to warm the JIT and the producer up, or to fill hbew.events.raw for a later phase. */
    void sendUntimed(List<EventEnvelope> events) throws InterruptedException {
        send(records(events));
    }

    BenchReport.ProducerResult measure(List<EventEnvelope> events) throws InterruptedException {
        List<ProducerRecord<String, byte[]>> records = records(events);
        Double loadBefore = ProcFiles.loadAverage();
        long start = System.nanoTime();
        long failed = send(records);
        long nanos = System.nanoTime() - start;
        long acknowledged = records.size() - failed;
        log.info("Raw producer: {} events in {} ms", acknowledged, nanos / 1_000_000);
        return new BenchReport.ProducerResult(acknowledged, Rates.seconds(nanos), Rates.perSecond(acknowledged, nanos),
                failed, loadBefore, ProcFiles.loadAverage());
    }

    @Override
    public void close() {
        producer.close();
    }

    /** Sends all and waits for every acknowledgement; returns how many failed. */
    private long send(List<ProducerRecord<String, byte[]>> records) throws InterruptedException {
        int bound = IngestConfig.DEFAULT_MAX_IN_FLIGHT_EVENTS;
        Semaphore inFlight = new Semaphore(bound);
        LongAdder failed = new LongAdder();
        for (ProducerRecord<String, byte[]> record : records) {
            inFlight.acquire();
            producer.send(record, (metadata, exception) -> {
                if (exception != null) {
                    failed.increment();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(bound);
        inFlight.release(bound);
        return failed.sum();
    }

    private static List<ProducerRecord<String, byte[]>> records(List<EventEnvelope> events) {
        return events.stream()
                .map(e -> new ProducerRecord<>(Topics.RAW.name(), null, e.occurredAtMillis(), e.rawKey(),
                        SERDE.toBytes(e)))
                .toList();
    }
}
