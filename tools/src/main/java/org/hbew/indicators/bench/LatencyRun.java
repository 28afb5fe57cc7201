package org.hbew.indicators.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.topology.WindowSpec;
import org.hbew.indicators.records.CityIndicator;
import org.hbew.indicators.simulator.EventGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * End-to-end latency through a running processor instance that has worked off everything before: fresh plain
 * events (copies of generated ones with a new eventId and the current time) go to hbew.events.raw at a steady
 * rate, with the gateway's producer settings, while a {@code read_committed} consumer of hbew.indicators.city
 * reads what the processors commit. {@link LatencyCorrelator} matches the two by the count of each event's hourly
 * window: an event's latency runs from just before its send until the consumer reads a figure that counts it, so
 * it includes the producer's linger and the append as well as the processors and their commit.
 */
final class LatencyRun {

    private static final Logger log = LoggerFactory.getLogger(LatencyRun.class);
    private static final JsonSerde<EventEnvelope> SERDE = JsonSerde.of(EventEnvelope.class);
    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(1);
    /** How long to wait after the last send for the figures that count the last events. */
    private static final Duration DRAIN = Duration.ofSeconds(30);
    private static final long PACE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final InProcessStack stack;
    private final WindowSpec window;
    private final Deserializer<CityIndicator> figures = Topics.INDICATORS_CITY.valueSerde().deserializer();

    /**
     * @param window the processors' smallest window, whose figures are read
     */
    LatencyRun(InProcessStack stack, WindowSpec window) {
        this.stack = stack;
        this.window = window;
    }

    /**
     * @param templates plain events whose item, city, indicator, value and unit the sent events copy in turn
     * @param rate      events per second to send
     */
    BenchReport.LatencyResult run(List<EventEnvelope> templates, double rate, Duration duration, Duration warmup)
            throws InterruptedException {
        if (templates.isEmpty() || templates.stream().anyMatch(e -> e.flow().isPresent())) {
            throw new IllegalArgumentException("the latency phase needs plain events to copy");
        }
        Double loadBefore = ProcFiles.loadAverage();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(), new StringDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(stack.gatewayProducerConfig(),
                     Topics.RAW.keySerde().serializer(), Topics.RAW.valueSerde().serializer())) {
            Map<String, Long> before = countsSoFar(consumer);
            log.info("Latency: {} events/s for {} s (the first {} s untimed), {} hourly figures counted before",
                    Math.round(rate), duration.toSeconds(), warmup.toSeconds(), before.size());
            long start = System.nanoTime();
            LatencyCorrelator correlator = new LatencyCorrelator(before, start + warmup.toNanos());
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader = new Thread(() -> readFigures(consumer, correlator, reading), "hbew-bench-latency-reader");
            reader.start();
            try {
                LongAdder failed = new LongAdder();
                send(producer, templates, correlator, rate, start, start + duration.toNanos(), failed);
                producer.flush();
                long deadline = System.nanoTime() + DRAIN.toNanos();
                while (correlator.unseen() > failed.sum() && System.nanoTime() < deadline) {
                    Thread.sleep(POLL.toMillis());
                }
            } finally {
                reading.set(false);
                reader.join();
            }
            BenchReport.Latencies latencies = correlator.summary();
            log.info("Latency: {} events timed, p50 {} ms, p99 {} ms, max {} ms, {} not seen",
                    latencies.count(), Math.round(latencies.p50Ms()), Math.round(latencies.p99Ms()),
                    Math.round(latencies.maxMs()), correlator.missing());
            return new BenchReport.LatencyResult(rate, Rates.seconds(duration.toNanos()),
                    Rates.seconds(warmup.toNanos()), correlator.sent(), latencies, correlator.missing(), loadBefore,
                    ProcFiles.loadAverage());
        }
    }

    private Map<String, Object> consumerConfig() {
        return stack.clientConfig(Map.of(ConsumerConfig.CLIENT_ID_CONFIG, "hbew-bench-latency-reader",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
    }

    /**
     * Reads hbew.indicators.city from its start to its last stable offsets: the count of every hourly figure
     * before the phase. The consumer is left at those offsets, so it then reads only what comes after.
     */
    private Map<String, Long> countsSoFar(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.INDICATORS_CITY.name()).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<String, Long> counts = new HashMap<>();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + Topics.INDICATORS_CITY.name() + " to its end within "
                        + READ_TIMEOUT);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (isOurWindow(record.key())) {
                    counts.put(record.key(), count(record.value()));
                }
            }
        }
        return counts;
    }

    private void readFigures(KafkaConsumer<String, byte[]> consumer, LatencyCorrelator correlator,
                             AtomicBoolean reading) {
        while (reading.get()) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                if (isOurWindow(record.key())) {
                    correlator.observed(record.key(), count(record.value()), System.nanoTime());
                }
            }
        }
    }

    /** Sends at {@code rate} from {@code start} until {@code end}, a little at a time, as the clock says is due. */
    private void send(KafkaProducer<String, byte[]> producer, List<EventEnvelope> templates,
                      LatencyCorrelator correlator, double rate, long start, long end, LongAdder failed) {
        long sent = 0;
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            long due = (long) (Rates.seconds(now - start) * rate);
            for (; sent < due; sent++) {
                EventEnvelope template = templates.get((int) (sent % templates.size()));
                EventEnvelope event = EventEnvelope.plain(UUID.randomUUID(), template.city(), template.item(),
                        template.indicator(), OffsetDateTime.now(EventGenerator.CITY_OFFSET)
                                .truncatedTo(ChronoUnit.MILLIS), template.value(), template.unit());
                long occurredAt = event.occurredAtMillis();
                String figure = Keys.cityIndicator(event.item(), event.city(), event.indicator(), window.name(),
                        Instant.ofEpochMilli(window.startOf(occurredAt)));
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.RAW.name(), null, occurredAt,
                        event.rawKey(), SERDE.toBytes(event));
                correlator.sent(figure, System.nanoTime());
                producer.send(record, (metadata, exception) -> {
                    if (exception != null) {
                        failed.increment();
                    }
                });
            }
            LockSupport.parkNanos(PACE_NANOS);
        }
    }

    private boolean isOurWindow(String key) {
        return key != null && Keys.parseCityIndicator(key).window().equals(window.name());
    }

    private long count(byte[] value) {
        CityIndicator figure = figures.deserialize(Topics.INDICATORS_CITY.name(), value);
        return figure == null || figure.statistics() == null ? 0 : figure.statistics().count();
    }
}
