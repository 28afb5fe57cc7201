package org.hbew.indicators.processors.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.hbew.indicators.broker.EmbeddedKafkaBroker;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.kafka.TopicProvisioner;
import org.hbew.indicators.kafka.Topics;
import org.apache.kafka.streams.GroupProtocol;
import org.hbew.indicators.processors.ProcessorsApp;
import org.hbew.indicators.processors.ProcessorsConfig;

/**
 * A real single-node broker (on ports of its choosing, see {@link EmbeddedKafkaBroker#start()}) with the
 * product's topics ({@value #PARTITIONS} partitions each), a producer
 * writing to hbew.events.raw as ingest would, and processor instances on free ports with their own state
 * directories. Everything it started, and its temporary directory, goes with {@link #close()}.
 */
final class QueryTestKafka implements AutoCloseable {

    static final int PARTITIONS = 4;
    static final Catalog CATALOG = CatalogLoader.loadDefault();

    private static final JsonSerde<EventEnvelope> EVENTS = JsonSerde.of(EventEnvelope.class);

    private final Path dir;
    private final EmbeddedKafkaBroker broker;
    private final KafkaProducer<String, byte[]> producer;

    QueryTestKafka() {
        try {
            dir = Files.createTempDirectory("hbew-query-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = EmbeddedKafkaBroker.builder(dir.resolve("broker")).build();
        broker.start();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            TopicProvisioner.Report report = new TopicProvisioner(admin, PARTITIONS, (short) 1,
                    Duration.ofSeconds(30)).ensure(Topics.all());
            if (!report.matches()) {
                throw new IllegalStateException("topics differ from their definition: " + report.differences());
            }
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** An instance of the processors with application id {@code appId}, its query API on a free port. */
    ProcessorsApp processors(String appId, String name, int standbyReplicas) {
        return processors(appId, name, standbyReplicas, GroupProtocol.CLASSIC);
    }

    /**
     * The same, with the given {@code group.protocol}. The query port is advertised to Kafka Streams before the API
     * listens, so it is found free first, and found again if another process took it in between.
     */
    ProcessorsApp processors(String appId, String name, int standbyReplicas, GroupProtocol groupProtocol) {
        return FreePorts.onFreePort(port -> {
            ProcessorsConfig config = ProcessorsConfig.builder(bootstrapServers(), dir.resolve("state-" + name))
                    .groupProtocol(groupProtocol)
                    .applicationId(appId)
                    .httpPort(port)
                    .replicationFactor(1)
                    .standbyReplicas(standbyReplicas)
                    .build();
            ProcessorsApp app = new ProcessorsApp(config, CATALOG);
            app.start();
            return app;
        });
    }

    /** Writes events as ingest does: raw key, JSON value, the event time as the record's timestamp. */
    void send(EventEnvelope... events) {
        for (EventEnvelope event : events) {
            send(event.rawKey(), EVENTS.toBytes(event), event.occurredAtMillis());
        }
        producer.flush();
    }

    /** Writes a record that is not an event, as a misbehaving producer might. */
    void sendGarbage(String key, String value, long timestamp) {
        send(key, value.getBytes(StandardCharsets.UTF_8), timestamp);
        producer.flush();
    }

    /** Writes any record at all, null key or value included. */
    void sendRaw(String key, byte[] value, long timestamp) {
        send(key, value, timestamp);
        producer.flush();
    }

    private void send(String key, byte[] value, long timestamp) {
        try {
            producer.send(new ProducerRecord<>(Topics.RAW.name(), null, timestamp, key, value)).get(30,
                    TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while producing", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not produce to " + Topics.RAW.name(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
        broker.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
