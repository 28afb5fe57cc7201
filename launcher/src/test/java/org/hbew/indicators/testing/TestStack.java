package org.hbew.indicators.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
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
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.ingest.IngestConfig;
import org.hbew.indicators.ingest.IngestGateway;
import org.hbew.indicators.ingest.TokenStore;
import org.hbew.indicators.kafka.TopicProvisioner;
import org.hbew.indicators.kafka.Topics;

/**
 * What the integration tests run against: a real single-node broker on a free port in a temporary
 * directory, optionally with the product's topics and a real ingest gateway in front of it. Closing it
 * stops everything it started and removes the directory.
 */
public final class TestStack implements AutoCloseable {

    public static final int PARTITIONS = 3;

    private final Path dataDir;
    private final EmbeddedKafkaBroker broker;
    private IngestGateway gateway;

    private TestStack(Path dataDir, EmbeddedKafkaBroker broker) {
        this.dataDir = dataDir;
        this.broker = broker;
    }

    /** A broker with no topics yet. */
    public static TestStack brokerOnly() {
        try {
            Path dir = Files.createTempDirectory("hbew-launcher-it");
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dir).build();
            TestStack stack = new TestStack(dir, broker);
            try {
                broker.start();
            } catch (RuntimeException e) {
                stack.close();
                throw e;
            }
            return stack;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker with the product's topics. */
    public static TestStack withTopics() {
        TestStack stack = brokerOnly();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers()))) {
            TopicProvisioner.Report report = new TopicProvisioner(admin, PARTITIONS, (short) 1, Duration.ofSeconds(30))
                    .ensure(Topics.all());
            if (!report.matches()) {
                stack.close();
                throw new IllegalStateException("topics differ from their definition: " + report.differences());
            }
        }
        return stack;
    }

    /** A broker with the topics and an ingest gateway on a free port that knows these tokens. */
    public static TestStack withIngest(Map<String, String> tokens) {
        TestStack stack = withTopics();
        try {
            stack.gateway = new IngestGateway(IngestConfig.builder(stack.bootstrapServers(), TokenStore.of(tokens))
                    .host("127.0.0.1").port(0).build(), CatalogLoader.loadDefault());
            stack.gateway.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public URI ingestUrl() {
        return URI.create("http://127.0.0.1:" + gateway.port());
    }

    /** Every record of hbew.events.raw, from the beginning to its end as it is now. */
    public List<ConsumerRecord<String, byte[]>> readRaw() {
        return readRaw(bootstrapServers(), Duration.ofSeconds(60));
    }

    /** Every record of hbew.events.raw on the cluster at {@code bootstrapServers}, read within {@code patience}. */
    public static List<ConsumerRecord<String, byte[]>> readRaw(String bootstrapServers, Duration patience) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + patience.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read hbew.events.raw to its end within " + patience);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    @Override
    public void close() {
        try {
            if (gateway != null) {
                gateway.close();
            }
        } finally {
            broker.close();
            deleteQuietly(dataDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is not worth failing a test for.
        }
    }
}
