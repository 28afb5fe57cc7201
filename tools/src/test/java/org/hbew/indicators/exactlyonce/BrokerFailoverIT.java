package org.hbew.indicators.exactlyonce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.ingest.IngestConfig;
import org.hbew.indicators.ingest.IngestGateway;
import org.hbew.indicators.ingest.TokenStore;
import org.hbew.indicators.ingestclient.PostResult;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.ProcessorsApp;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.testing.Elapsed;
import org.hbew.indicators.testing.TestStack;
import org.hbew.indicators.testing.ThreeBrokerCluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The three-broker layout of {@code docker-compose.yml} losing a broker under load, from the jars in this JVM
 * (see {@link ThreeBrokerCluster}: three KRaft nodes, replication factor 3 and {@code min.insync.replicas=2}
 * everywhere, the transaction-state log included). Ingest and the processors (exactly-once, internal topics with
 * three replicas) run against all three; a steady load of the simulator's events goes through ingest's HTTP API
 * with the cities' tokens. Mid-load a node that leads a partition of hbew.events.raw is stopped (of the leaders,
 * the coordinator of the processors' transactions or group if one of them is), and the load goes on. When it
 * stops, the test asserts that
 * <ol>
 *   <li>every post was answered 202 in the end (senders retry 503 and no answer, as {@code IngestClient} does),
 *       and ingest kept acknowledging events after the node had stopped;</li>
 *   <li>hbew.events.raw holds every acknowledged event and nothing else: exactly once when its batch was
 *       accepted at the first attempt, and no more often than its batch was posted when a retry was needed (a
 *       batch answered 503 may be partly written already; the processors drop the repeats);</li>
 *   <li>the processors committed every raw record, and {@code GET /v1/accounting} received them all, balanced,
 *       counted each distinct event once and called the repeats duplicates;</li>
 *   <li>{@code GET /v1/items/{item}/cities/{city}?window=1d} answers, for every item and city that had events,
 *       exactly the counts and sums of what was acknowledged.</li>
 * </ol>
 *
 * <p>About a minute and a half on a shared two-core machine. {@code hbew.failover.rate} (events/s, default 150)
 * and {@code hbew.failover.seed} change the load.
 */
class BrokerFailoverIT {

    private static final Logger log = LoggerFactory.getLogger(BrokerFailoverIT.class);

    private static final int EVENTS_PER_SECOND = Integer.getInteger("hbew.failover.rate", 150);
    private static final long SEED = Long.getLong("hbew.failover.seed", 20261203L);
    private static final Duration LOAD_BEFORE_STOP = Duration.ofSeconds(10);
    private static final Duration LOAD_AFTER_STOP = Duration.ofSeconds(15);
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final double SUM_TOLERANCE = 1e-9;
    private static final String STALE_HEADER = "X-Data-Stale";
    private static final Map<String, String> TOKENS = Map.of("hohhot", "failover-hohhot", "baotou", "failover-baotou",
            "ordos", "failover-ordos", "ulanqab", "failover-ulanqab");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Catalog catalog = CatalogLoader.loadDefault();

    private ThreeBrokerCluster cluster;
    private IngestGateway ingest;
    private ProcessorsApp processors;
    private StreamsGroup group;
    private IngestLoad load;

    @TempDir
    Path dir;

    @AfterEach
    void stopEverything() throws InterruptedException {
        try {
            if (load != null) {
                load.close();
            }
        } finally {
            try {
                if (processors != null) {
                    processors.close();
                }
                if (ingest != null) {
                    ingest.close();
                }
                if (group != null) {
                    group.close();
                }
            } finally {
                if (cluster != null) {
                    cluster.close();
                }
            }
        }
    }

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void shouldLoseNothingAcknowledgedWhenTheLeaderOfARawPartitionStopsUnderLoad() throws Exception {
        long testStart = System.nanoTime();
        cluster = ThreeBrokerCluster.startWithTopics();
        log.info("three brokers at {} with the topics after {} s", cluster.bootstrapServers(),
                Elapsed.secondsSince(testStart));
        ingest = new IngestGateway(IngestConfig.builder(cluster.bootstrapServers(), TokenStore.of(TOKENS))
                .host("127.0.0.1").port(0).build(), catalog);
        ingest.start();
        processors = FreePorts.onFreePort(port -> {
            ProcessorsApp app = new ProcessorsApp(ProcessorsConfig.builder(cluster.bootstrapServers(),
                            dir.resolve("state"))
                    .httpHost("127.0.0.1")
                    .httpPort(port)
                    .replicationFactor(ThreeBrokerCluster.REPLICATION_FACTOR)
                    .build(), catalog);
            app.start();
            return app;
        });
        assertThat(processors.awaitRunning(PATIENCE)).as("processors RUNNING on three brokers").isTrue();
        group = new StreamsGroup(cluster.bootstrapServers(), processors.config().applicationId(),
                ThreeBrokerCluster.PARTITIONS);

        load = IngestLoad.start(URI.create("http://127.0.0.1:" + ingest.port()), TOKENS, catalog, SEED,
                EVENTS_PER_SECOND);
        Thread.sleep(LOAD_BEFORE_STOP.toMillis());
        Victim victim = chooseLeaderToStop();
        int stopped = victim.node();
        log.info("stopping node {}: {}; {} events acknowledged so far, at {} s", stopped, victim.roles(),
                load.acknowledged(), Elapsed.secondsSince(testStart));
        cluster.stop(stopped);
        long acknowledgedWhenStopped = load.acknowledged();
        log.info("node {} stopped at {} s with {} events acknowledged", stopped, Elapsed.secondsSince(testStart),
                acknowledgedWhenStopped);
        Thread.sleep(LOAD_AFTER_STOP.toMillis());
        List<IngestLoad.Batch> batches = load.stop();
        SentTally sent = load.tally();
        log.info("load stopped at {} s: {} events acknowledged in {} batches, {} of them retried",
                Elapsed.secondsSince(testStart),
                sent.sent(), batches.size(), batches.stream().filter(b -> b.attempts() > 1).count());

        assertThat(batches.stream().filter(b -> !(b.result() instanceof PostResult.Accepted))
                .map(b -> b.city() + ": " + b.result()).toList()).as("posts that ingest never accepted").isEmpty();
        assertThat(sent.sent()).as("events acknowledged after node %d had stopped", stopped)
                .isGreaterThan(acknowledgedWhenStopped);
        assertRawPartitionsLedWithout(stopped);

        List<ConsumerRecord<String, byte[]>> raw = TestStack.readRaw(cluster.bootstrapServers(), PATIENCE);
        assertThat(rawDifferences(batches, raw)).as("hbew.events.raw against what ingest acknowledged").isEmpty();

        awaitWorkedOff(raw.size());
        JsonNode accounting = get("/v1/accounting");
        assertThat(accounting.path("counted").asLong()).as("counted").isEqualTo(sent.distinct());
        assertThat(accounting.path("duplicates").asLong()).as("duplicates").isEqualTo(raw.size() - sent.distinct());
        assertThat(accounting.path("late").asLong()).as("late").isZero();
        assertThat(accounting.path("deadLettered").asLong()).as("dead-lettered").isZero();
        assertThat(queryDifferences(sent)).as("the query API against what was acknowledged").isEmpty();
        assertEveryTopicReplicatedThrice();
        log.info("{} events, {} raw records accounted for; the whole test took {} s", sent.distinct(), raw.size(),
                Elapsed.secondsSince(testStart));
    }

    /**
     * The node to stop: a leader of a raw partition, and of those preferably the one that also coordinates the
     * processors' transactions, else their group, since those fail over too then. Checks first that raw is
     * replicated as the cluster promises.
     */
    private Victim chooseLeaderToStop() throws ExecutionException, InterruptedException {
        try (Admin admin = cluster.admin()) {
            TopicDescription raw = admin.describeTopics(List.of(Topics.RAW.name())).allTopicNames().get()
                    .get(Topics.RAW.name());
            Config config = admin.describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC,
                    Topics.RAW.name()))).all().get().values().iterator().next();
            assertThat(config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG).value()).as("min.insync.replicas of raw")
                    .isEqualTo(String.valueOf(ThreeBrokerCluster.MIN_IN_SYNC_REPLICAS));
            Map<Integer, List<String>> roles = new TreeMap<>();
            for (TopicPartitionInfo partition : raw.partitions()) {
                assertThat(partition.isr()).as("in-sync replicas of raw-%d before the stop", partition.partition())
                        .hasSize(ThreeBrokerCluster.REPLICATION_FACTOR);
                roles.computeIfAbsent(partition.leader().id(), id -> new ArrayList<>())
                        .add("the leader of " + Topics.RAW.name() + "-" + partition.partition());
            }
            String groupId = processors.config().applicationId();
            int groupCoordinator = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId).get()
                    .coordinator().id();
            List<String> transactionalIds = admin.listTransactions().all().get().stream()
                    .map(TransactionListing::transactionalId).toList();
            Set<Integer> transactionCoordinators = admin.describeTransactions(transactionalIds).all().get().values()
                    .stream().map(TransactionDescription::coordinatorId).collect(Collectors.toSet());
            int activeController = admin.describeMetadataQuorum().quorumInfo().get().leaderId();
            roles.forEach((id, its) -> {
                if (transactionCoordinators.contains(id)) {
                    its.add("the coordinator of the processors' transactions");
                }
                if (id == groupCoordinator) {
                    its.add("the coordinator of group " + groupId);
                }
                if (id == activeController) {
                    its.add("the active controller");
                }
            });
            int node = roles.keySet().stream().filter(transactionCoordinators::contains).findFirst()
                    .or(() -> roles.keySet().stream().filter(id -> id == groupCoordinator).findFirst())
                    .orElse(roles.keySet().iterator().next());
            return new Victim(node, String.join(", ", roles.get(node)));
        }
    }

    /** A node to stop and what it is to the pipeline. */
    private record Victim(int node, String roles) {
    }

    /** Every raw partition has a leader among the nodes still running and enough in-sync replicas to accept. */
    private void assertRawPartitionsLedWithout(int stopped) {
        await("every raw partition led by a running node").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    try (Admin admin = cluster.admin()) {
                        for (TopicPartitionInfo partition : admin.describeTopics(List.of(Topics.RAW.name()))
                                .allTopicNames().get().get(Topics.RAW.name()).partitions()) {
                            assertThat(partition.leader()).isNotNull();
                            assertThat(partition.leader().id()).isNotEqualTo(stopped);
                            assertThat(partition.isr().stream().map(Node::id).toList()).doesNotContain(stopped)
                                    .hasSizeGreaterThanOrEqualTo(ThreeBrokerCluster.MIN_IN_SYNC_REPLICAS);
                        }
                    }
                });
    }

    /**
     * Each event (city and eventId) that is on hbew.events.raw more or less often than the batches acknowledged
     * allow, or there without having been acknowledged.
     */
    private static List<String> rawDifferences(List<IngestLoad.Batch> batches, List<ConsumerRecord<String, byte[]>> raw)
            throws IOException {
        Map<String, Integer> allowed = new HashMap<>();
        for (IngestLoad.Batch batch : batches) {
            for (EventEnvelope event : batch.events()) {
                allowed.put(event.city() + "/" + event.eventId(), batch.attempts());
            }
        }
        Map<String, Integer> found = new TreeMap<>();
        for (ConsumerRecord<String, byte[]> record : raw) {
            JsonNode event = Json.mapper().readTree(record.value());
            found.merge(event.path("city").asText() + "/" + event.path("eventId").asText(), 1, Integer::sum);
        }
        List<String> differences = new ArrayList<>();
        allowed.forEach((event, attempts) -> {
            int times = found.getOrDefault(event, 0);
            if (times == 0) {
                differences.add(event + ": acknowledged, not on the topic");
            } else if (attempts == 1 && times > 1) {
                differences.add(event + ": " + times + " times, though its batch was accepted at once");
            } else if (times > attempts) {
                differences.add(event + ": " + times + " times, its batch posted " + attempts + " times");
            }
        });
        found.keySet().stream().filter(event -> !allowed.containsKey(event))
                .forEach(event -> differences.add(event + ": on the topic, never sent"));
        return differences;
    }

    /**
     * Waits until every raw record's offset is committed (under exactly-once, with everything it produced) and the
     * accounting has received them all and balances.
     */
    private void awaitWorkedOff(int rawRecords) {
        await("every raw record worked off and committed").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> group.committedRaw().equals(Optional.of(group.rawEnd())));
        await("GET /v1/accounting to balance at " + rawRecords + " received").atMost(PATIENCE)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    JsonNode accounting = get("/v1/accounting");
                    assertThat(accounting.path("partitions").asInt()).isEqualTo(ThreeBrokerCluster.PARTITIONS);
                    assertThat(accounting.path("received").asLong()).isEqualTo(rawRecords);
                    assertThat(accounting.path("balanced").asBoolean()).as(accounting.toString()).isTrue();
                });
    }

    /**
     * Asks the query API for each item and city that had events, in the daily window, over the window starts the
     * load covered, and compares the answer with what was acknowledged.
     */
    private List<String> queryDifferences(SentTally sent) throws IOException, InterruptedException {
        String window = "1d";
        Map.Entry<Instant, Instant> starts = sent.windowStarts(window);
        List<String> differences = new ArrayList<>();
        for (Map.Entry<Integer, String> itemCity : sent.itemCities()) {
            JsonNode answer = get("/v1/items/" + itemCity.getKey() + "/cities/" + itemCity.getValue() + "?window="
                    + window + "&from=" + starts.getKey() + "&to=" + starts.getValue());
            Map<String, SentTally.Figures> answered = new TreeMap<>();
            for (JsonNode record : answer.path("records")) {
                answered.put(Keys.cityIndicator(record.path("item").asInt(), record.path("city").asText(),
                                record.path("indicator").asText(), record.path("window").asText(),
                                Instant.parse(record.path("windowStart").asText())),
                        new SentTally.Figures(record.path("statistics").path("count").asLong(),
                                record.path("statistics").path("sum").asDouble()));
            }
            Map<String, SentTally.Figures> expected = sent.cityFigures(itemCity.getKey(), itemCity.getValue(),
                    window);
            expected.forEach((key, figures) -> {
                SentTally.Figures found = answered.remove(key);
                if (found == null) {
                    differences.add(key + ": missing; sent " + figures);
                } else if (found.count() != figures.count() || Math.abs(found.sum() - figures.sum())
                        > SUM_TOLERANCE * Math.max(1, Math.abs(figures.sum()))) {
                    differences.add(key + ": " + found + "; sent " + figures);
                }
            });
            answered.forEach((key, figures) -> differences.add(key + ": " + figures + "; never sent"));
        }
        return differences;
    }

    /** The product's topics, the processors' internal ones and Kafka's own: three replicas each. */
    private void assertEveryTopicReplicatedThrice() throws ExecutionException, InterruptedException {
        try (Admin admin = cluster.admin()) {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
            assertThat(names).contains("__consumer_offsets", "__transaction_state");
            Map<String, List<Integer>> replicas = admin.describeTopics(names).allTopicNames().get().values().stream()
                    .collect(Collectors.toMap(TopicDescription::name, t -> t.partitions().stream()
                            .map(p -> p.replicas().size()).distinct().toList()));
            assertThat(replicas).as("replicas per partition, by topic")
                    .allSatisfy((topic, sizes) -> assertThat(sizes).as(topic)
                            .containsOnly((int) ThreeBrokerCluster.REPLICATION_FACTOR));
        }
    }

    /** A query API answer that must be 200 and built from caught-up stores only. */
    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + processors.httpPort() + pathAndQuery)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", pathAndQuery, response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue(STALE_HEADER)).as("GET %s marked stale", pathAndQuery).isEmpty();
        return Json.mapper().readTree(response.body());
    }
}
