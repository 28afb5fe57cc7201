package org.hbew.indicators.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Starts real brokers in this JVM and talks to them with the real clients.
 */
class EmbeddedKafkaBrokerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;

    @AfterEach
    void noBrokerIsLeftRunning() {
        assertThat(KafkaExitGuard.isActive()).as("a broker is still running").isFalse();
    }

    @Test
    void shouldServeIdempotentProducerAndConsumer() throws Exception {
        EmbeddedKafkaBroker broker = startedBroker();
        try {
            assertThat(broker.brokerPort()).isPositive();
            assertThat(broker.controllerPort()).isPositive().isNotEqualTo(9093).isNotEqualTo(broker.brokerPort());
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + broker.brokerPort());

            createTopic(broker, "readings", 1);
            produceIdempotently(broker, "readings", List.of("r1", "r2", "r3"));

            assertThat(readAll(broker, "readings", IsolationLevel.READ_UNCOMMITTED))
                    .containsExactly("r1", "r2", "r3");
        } finally {
            broker.close();
        }

        assertThat(KafkaExitGuard.isActive()).isFalse();
        broker.close();
    }

    @Test
    void shouldCommitAndAbortTransactionsWithASingleReplica() throws Exception {
        try (EmbeddedKafkaBroker broker = startedBroker()) {
            createTopic(broker, "ledger", 1);

            Map<String, Object> transactional = Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "it-ledger-writer");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker, transactional))) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("ledger", "committed-1"));
                producer.send(new ProducerRecord<>("ledger", "committed-2"));
                producer.commitTransaction();

                producer.beginTransaction();
                producer.send(new ProducerRecord<>("ledger", "aborted"));
                producer.flush();
                producer.abortTransaction();

                producer.beginTransaction();
                producer.send(new ProducerRecord<>("ledger", "committed-3"));
                producer.commitTransaction();
            }

            assertThat(readAll(broker, "ledger", IsolationLevel.READ_COMMITTED))
                    .containsExactly("committed-1", "committed-2", "committed-3");
            assertThat(readAll(broker, "ledger", IsolationLevel.READ_UNCOMMITTED)).contains("aborted");
            try (Admin admin = admin(broker)) {
                TopicDescription transactionState = admin.describeTopics(List.of("__transaction_state"))
                        .allTopicNames().get().get("__transaction_state");
                assertThat(transactionState.partitions()).hasSize(5)
                        .allSatisfy(partition -> assertThat(partition.replicas()).hasSize(1));
            }
        }
    }

    @Test
    void shouldKeepRecordsAcrossRestart() throws Exception {
        String clusterId;
        try (EmbeddedKafkaBroker first = startedBroker()) {
            createTopic(first, "durable", 2);
            produceIdempotently(first, "durable", List.of("before-1", "before-2", "before-3"));
            commitOffsetsToEnd(first, "durable", "it-durable-reader");
            try (Admin admin = admin(first)) {
                clusterId = admin.describeCluster().clusterId().get();
            }
        }

        try (EmbeddedKafkaBroker second = startedBroker()) {
            try (Admin admin = admin(second)) {
                assertThat(admin.describeCluster().clusterId().get()).isEqualTo(clusterId);
                TopicDescription durable = admin.describeTopics(List.of("durable")).allTopicNames().get()
                        .get("durable");
                assertThat(durable.partitions()).hasSize(2);
                long committed = admin.listConsumerGroupOffsets("it-durable-reader").partitionsToOffsetAndMetadata()
                        .get().values().stream().mapToLong(OffsetAndMetadata::offset).sum();
                assertThat(committed).isEqualTo(3);
            }
            assertThat(readAll(second, "durable", IsolationLevel.READ_UNCOMMITTED))
                    .containsExactlyInAnyOrder("before-1", "before-2", "before-3");

            produceIdempotently(second, "durable", List.of("after"));
            assertThat(readAll(second, "durable", IsolationLevel.READ_UNCOMMITTED))
                    .containsExactlyInAnyOrder("before-1", "before-2", "before-3", "after");
        }
    }

    @ParameterizedTest(name = "group.protocol={0}")
    @ValueSource(strings = {"classic", "streams"})
    void shouldRunKafkaStreamsWithExactlyOnceV2(String groupProtocol, @TempDir Path stateDir) throws Exception {
        try (EmbeddedKafkaBroker broker = startedBroker()) {
            createTopic(broker, "words", 2);
            createTopic(broker, "word-counts", 2);

            StreamsBuilder topology = new StreamsBuilder();
            topology.stream("words", Consumed.with(Serdes.String(), Serdes.String()))
                    .groupBy((key, word) -> word, Grouped.with(Serdes.String(), Serdes.String()))
                    .count()
                    .toStream()
                    .to("word-counts", Produced.with(Serdes.String(), Serdes.Long()));
            Properties config = new Properties();
            String applicationId = "it-word-count-" + groupProtocol;
            config.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
            config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            config.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, groupProtocol);
            config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());

            KafkaStreams streams = new KafkaStreams(topology.build(), config);
            try {
                streams.start();
                produceIdempotently(broker, "words", List.of("kafka", "streams", "kafka"));

                Map<String, Long> counts = awaitLatestValues(broker, "word-counts", new LongDeserializer(),
                        latest -> latest.equals(Map.of("kafka", 2L, "streams", 1L)));
                assertThat(counts).containsOnly(Map.entry("kafka", 2L), Map.entry("streams", 1L));

                try (Admin admin = admin(broker)) {
                    GroupListing group = admin.listGroups().all().get().stream()
                            .filter(listing -> listing.groupId().equals(applicationId))
                            .findFirst().orElseThrow();
                    assertThat(group.type()).contains(GroupType.parse(groupProtocol));
                }
            } finally {
                streams.close(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void shouldFailClearlyAndReleaseTheStorageWhenTheBrokerPortIsTaken() throws Exception {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir)
                    .brokerPort(occupied.getLocalPort())
                    .build();

            assertThatIllegalStateException().isThrownBy(broker::start)
                    .withMessageContaining("failed to start")
                    .withMessageContaining(String.valueOf(occupied.getLocalPort()));
            broker.close();
        }
        assertThat(KafkaExitGuard.isActive()).isFalse();

        try (EmbeddedKafkaBroker retry = startedBroker()) {
            createTopic(retry, "after-failure", 1);
        }
    }

    @ParameterizedTest(name = "the {0} port taken")
    @ValueSource(strings = {"broker", "controller"})
    void shouldStartOnOtherPortsWhenAChosenPortIsTakenBeforeKafkaBindsIt(String listener) throws Exception {
        try (ServerSocket taker = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            // Given the first free ports found, of which another process takes one before Kafka binds it
            int taken = taker.getLocalPort();
            List<List<Integer>> found = new ArrayList<>();
            EmbeddedKafkaBroker.PortFinder losingTheRaceOnce = (address, count, excluded) -> {
                List<Integer> ports = new ArrayList<>(FreePorts.distinct(address, count, Set.of(taken)));
                if (found.isEmpty()) {
                    ports.set(listener.equals("broker") ? 0 : 1, taken);
                }
                found.add(ports);
                return ports;
            };

            // When the broker starts
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).portFinder(losingTheRaceOnce)
                    .build()) {
                broker.start();

                // Then it found ports again and runs on the fresh ones
                assertThat(found).hasSize(2);
                assertThat(List.of(broker.brokerPort(), broker.controllerPort())).isEqualTo(found.get(1))
                        .doesNotContain(taken);
                createTopic(broker, "after-a-lost-race", 1);
            }
        }
    }

    private EmbeddedKafkaBroker startedBroker() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).build();
        broker.start();
        return broker;
    }

    private static Admin admin(EmbeddedKafkaBroker broker) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static void createTopic(EmbeddedKafkaBroker broker, String topic, int partitions)
            throws ExecutionException, InterruptedException {
        try (Admin admin = admin(broker)) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        }
    }

    private static Map<String, Object> producerConfig(EmbeddedKafkaBroker broker, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putAll(extra);
        return config;
    }

    private static void produceIdempotently(EmbeddedKafkaBroker broker, String topic, List<String> values)
            throws ExecutionException, InterruptedException {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(broker, Map.of()))) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(topic, value, value)).get();
            }
        }
    }

    private static <V> KafkaConsumer<String, V> consumer(EmbeddedKafkaBroker broker, IsolationLevel isolation,
            Deserializer<V> valueDeserializer, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.toString());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putAll(extra);
        return new KafkaConsumer<>(config, new StringDeserializer(), valueDeserializer);
    }

    private static List<TopicPartition> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, TIMEOUT).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .collect(Collectors.toList());
    }

    /** Every value from the beginning of the topic up to its current end (the last stable offset if committed). */
    private static List<String> readAll(EmbeddedKafkaBroker broker, String topic, IsolationLevel isolation) {
        try (KafkaConsumer<String, String> consumer = consumer(broker, isolation, new StringDeserializer(),
                Map.of())) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                assertThat(deadline - System.nanoTime()).as("time left to read %s to its end", topic).isPositive();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    private static void commitOffsetsToEnd(EmbeddedKafkaBroker broker, String topic, String groupId) {
        try (KafkaConsumer<String, String> consumer = consumer(broker, IsolationLevel.READ_UNCOMMITTED,
                new StringDeserializer(), Map.of(ConsumerConfig.GROUP_ID_CONFIG, groupId))) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            Map<TopicPartition, OffsetAndMetadata> ends = consumer.endOffsets(partitions, TIMEOUT).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue())));
            consumer.commitSync(ends, TIMEOUT);
        }
    }

    /** Polls committed records until the latest value per key satisfies {@code done}. */
    private static <V> Map<String, V> awaitLatestValues(EmbeddedKafkaBroker broker, String topic,
            Deserializer<V> valueDeserializer, Predicate<Map<String, V>> done) {
        try (KafkaConsumer<String, V> consumer = consumer(broker, IsolationLevel.READ_COMMITTED, valueDeserializer,
                Map.of())) {
            List<TopicPartition> partitions = partitionsOf(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<String, V> latest = new HashMap<>();
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!done.test(latest)) {
                assertThat(deadline - System.nanoTime()).as("time left waiting for %s, latest %s", topic, latest)
                        .isPositive();
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(record.key(), record.value());
                }
            }
            return latest;
        }
    }
}
