package org.hbew.indicators.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hbew.indicators.broker.EmbeddedKafkaBroker;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.kafka.TopicProvisioner;
import org.hbew.indicators.kafka.Topics;

/**
 * A real single-node broker for the integration tests, with the product's topics, that can be stopped and
 * started again on the same storage and port, and read back from.
 */
final class TestKafka implements AutoCloseable {

    static final int PARTITIONS = 3;

    private final Path dataDir;
    private final boolean ownsDataDir;
    private EmbeddedKafkaBroker broker;
    private int port;

    private TestKafka(Path dataDir, boolean ownsDataDir) {
        this.dataDir = dataDir;
        this.ownsDataDir = ownsDataDir;
    }

    /** A broker on a free port in a fresh temporary directory, removed again by {@link #close()}. */
    static TestKafka start() {
        try {
            TestKafka kafka = new TestKafka(Files.createTempDirectory("hbew-ingest-it"), true);
            kafka.startBroker(0);
            kafka.createTopics();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Stops the broker; its storage and port stay reserved for {@link #restart()}. */
    void stop() {
        broker.close();
    }

    /** Starts a new broker on the same storage and port, so clients reconnect to what they knew. */
    void restart() {
        startBroker(port);
    }

    /** Every record of hbew.events.raw, from the beginning to the end as it is now. */
    List<ConsumerRecord<String, byte[]>> readRaw() {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read hbew.events.raw to its end within 60s");
                }
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    /** A port nothing listens on: a gateway pointed at it meets an unreachable cluster. */
    static String unreachableBootstrapServers() {
        return "127.0.0.1:" + FreePorts.one();
    }

    @Override
    public void close() {
        if (broker != null) {
            broker.close();
        }
        if (ownsDataDir) {
            try (Stream<Path> files = Files.walk(dataDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private void startBroker(int brokerPort) {
        broker = EmbeddedKafkaBroker.builder(dataDir).brokerPort(brokerPort).build();
        broker.start();
        port = broker.brokerPort();
    }

    private void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            TopicProvisioner.Report report = new TopicProvisioner(admin, PARTITIONS, (short) 1, Duration.ofSeconds(30))
                    .ensure(Topics.all());
            if (!report.matches()) {
                throw new IllegalStateException("topics differ from their definition: " + report.differences());
            }
        }
    }
}
