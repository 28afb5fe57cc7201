package org.hbew.indicators.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.tools.ProducerPerformance;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.kafka.TopicSpec;
import org.hbew.indicators.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * B0, the broker's own limit on this machine at this moment: Kafka's {@code ProducerPerformance}, run in this
 * JVM against the benchmark's cluster with the gateway's producer settings (and the operator's client settings, in
 * an owner-only file that is deleted once the tool is done), sends records to a topic of its own laid out like
 * hbew.events.raw; then one plain consumer reads that topic from its start to its end offsets.
 * The payloads are generated envelopes as the gateway writes them, so the records have the project's size and
 * compress (lz4) as the real ones do; the tool picks one at random for each record, with random keys among as
 * many as there are (item, city) pairs. A fifth as many records again go first as the tool's own warm-up,
 * which its steady-state summary leaves out.
 */
final class BaselineRun {

    static final String TOPIC = BenchNames.TOPIC_PREFIX + "b0";
    /** Distinct payloads in the tool's payload file; it draws from them at random. */
    static final int PAYLOADS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(BaselineRun.class);
    private static final JsonSerde<EventEnvelope> SERDE = JsonSerde.of(EventEnvelope.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private final InProcessStack stack;
    private final int keys;

    /**
     * @param keys distinct record keys, the number of (item, city) pairs of the catalog
     */
    BaselineRun(InProcessStack stack, int keys) {
        this.stack = stack;
        this.keys = keys;
    }

    /**
     * @param payloads envelopes for the payload file; their mean size is the records' size
     * @param records  records the summary is taken over
     */
    BenchReport.BaselineResult run(List<EventEnvelope> payloads, int records) {
        stack.createTopics(new TopicSpec(TOPIC, true, Topics.RAW.spec().configs(),
                "B0 of ./hbew bench: ProducerPerformance's records"));
        Path payloadFile = stack.dir().resolve("b0-payloads.ndjson");
        double meanBytes = writePayloads(payloads, payloadFile);
        Double loadBefore = ProcFiles.loadAverage();
        log.info("B0: ProducerPerformance, {} records of {} bytes on average after {} untimed", records,
                Math.round(meanBytes), records / 5);
        String output;
        Optional<KafkaConfigFile> clientSettings = stack.clientConfigFile("b0-producer");
        try {
            output = runProducerPerformance(arguments(stack.bootstrapServers(), clientSettings, payloadFile, records,
                    records / 5, keys));
        } finally {
            clientSettings.ifPresent(KafkaConfigFile::close);
        }
        BenchReport.ProducerPerformanceFigures producer = ProducerPerformanceSummary.parse(output)
                .orElseThrow(() -> new IllegalStateException("ProducerPerformance printed no summary:\n" + output));
        log.info("B0: ProducerPerformance {} records/s; now reading them back", Math.round(producer.recordsPerSecond()));
        BenchReport.ConsumerFigures consumer = readToEnd();
        log.info("B0: consumer {} records/s", Math.round(consumer.recordsPerSecond()));
        return new BenchReport.BaselineResult(TOPIC, meanBytes, keys, producer, consumer, loadBefore,
                ProcFiles.loadAverage());
    }

    /**
     * The tool's command line: the gateway's producer settings as {@code --command-property} pairs, no throttle,
     * random keys out of {@code keys}. The operator's client settings, if any, come in a file; since the tool lets
     * its command-line properties win over the file, those the file sets are left off the command line, so that the
     * operator's settings win here as they do for every other client.
     */
    static List<String> arguments(String bootstrapServers, Optional<KafkaConfigFile> clientSettings, Path payloadFile,
                                  int records, int warmupRecords, int keys) {
        List<String> arguments = new ArrayList<>(List.of("--topic", TOPIC,
                "--num-records", Long.toString((long) records + warmupRecords),
                "--warmup-records", Integer.toString(warmupRecords),
                "--payload-file", payloadFile.toString(),
                "--throughput", "-1",
                "--key-distribution", "random",
                "--record-key-range", Integer.toString(keys),
                "--bootstrap-server", bootstrapServers));
        Set<String> fromFile = clientSettings.map(KafkaConfigFile::properties).orElse(Set.of());
        clientSettings.ifPresent(file -> arguments.addAll(List.of("--command-config", file.path().toString())));
        arguments.add("--command-property");
        GatewayProducerSettings.producer(bootstrapServers).entrySet().stream()
                .filter(e -> !e.getKey().equals(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG))
                .filter(e -> !fromFile.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .forEach(arguments::add);
        return arguments;
    }

    /** Writes one compact envelope per line, as the tool reads its payload file; returns their mean size. */
    private static double writePayloads(List<EventEnvelope> payloads, Path file) {
        long bytes = 0;
        StringBuilder lines = new StringBuilder();
        for (EventEnvelope payload : payloads) {
            byte[] value = SERDE.toBytes(payload);
            bytes += value.length;
            lines.append(new String(value, StandardCharsets.UTF_8)).append('\n');
        }
        try {
            Files.writeString(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the payload file " + file, e);
        }
        return (double) bytes / payloads.size();
    }

    /**
     * Runs the tool in this JVM and returns what it printed. It prints its figures to standard output only, so
     * that is captured while it runs (the log goes to standard error).
     */
    private static String runProducerPerformance(List<String> arguments) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ProducerPerformance.main(arguments.toArray(String[]::new));
        } catch (Exception e) {
            throw new IllegalStateException("ProducerPerformance failed: " + e, e);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    /** Reads every partition of the topic from its start until the consumer's positions reach the end offsets. */
    private BenchReport.ConsumerFigures readToEnd() {
        Map<String, Object> config = stack.clientConfig(Map.of(
                ConsumerConfig.CLIENT_ID_CONFIG, "hbew-bench-b0-reader",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        Map<TopicPartition, Long> end;
        try (Offsets offsets = stack.offsets()) {
            end = offsets.end(TOPIC);
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(end.keySet());
            consumer.seekToBeginning(end.keySet());
            long records = 0;
            long bytes = 0;
            long start = System.nanoTime();
            long deadline = start + READ_TIMEOUT.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the consumer did not read " + TOPIC + " to its end within "
                            + READ_TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    records++;
                    bytes += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
                }
            }
            long nanos = System.nanoTime() - start;
            return new BenchReport.ConsumerFigures(records, Rates.seconds(nanos), Rates.perSecond(records, nanos),
                    bytes / (1024.0 * 1024.0) / Rates.seconds(nanos));
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }
}
