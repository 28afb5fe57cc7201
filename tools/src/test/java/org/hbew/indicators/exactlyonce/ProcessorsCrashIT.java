package org.hbew.indicators.exactlyonce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.testing.Elapsed;
import org.hbew.indicators.testing.TestStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once through hard failures, seen from outside: {@code hbew processors} runs as child JVMs (the
 * launcher's main class, as an operator starts it) against an embedded broker, while a steady load of the
 * simulator's events, some of them re-sent with the same city and eventId, goes straight to hbew.events.raw.
 * Under that load the instance is killed with SIGKILL at random moments (seeded) and restarted on its state
 * directory, once on an empty one; then a second instance joins, and one of the two that holds raw partitions is
 * frozen with SIGSTOP until the broker has dropped it from the group and the other holds every raw partition and
 * has committed past it; thawed with SIGCONT, it finds itself fenced and rejoins. When the load stops and
 * everything is worked off, it asserts that
 * <ol>
 *   <li>{@code GET /v1/accounting} counted each distinct event once and called every re-send a duplicate;</li>
 *   <li>hbew.indicators.city, read {@code read_committed} (latest record per key), holds for every item, city,
 *       indicator, window (1h, 1d) and window start exactly the count and (within a relative 1e-9) the sum of
 *       what was sent, and nothing more;</li>
 *   <li>{@code GET /v1/items/{item}/cities/{city}?window=…&from=…&to=…} answers the same figures on every
 *       instance, for every item and city that had events;</li>
 *   <li>hbew.indicators.region holds the sum of the cities' figures of each item, indicator and window.</li>
 * </ol>
 *
 * <p>The command has no option for {@code max.poll.interval.ms} (Kafka Streams' default, 5 minutes, applies); a
 * frozen JVM stops heart-beating too, so what removes it from the group is the processors' session timeout
 * (10 s), and the freeze lasts until that has happened and the other instance has committed every raw partition.
 *
 * <p>The short form runs in CI: 3 kills at random moments of 30 s of load at 300 events/s, two to three minutes
 * in all on a shared two-core machine. A longer form, e.g. 20 kills over 10 minutes:
 * <pre>
 * ./mvnw -B -ntp -pl launcher -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=ProcessorsCrashIT \
 *     -Dhbew.crash.kills=20 -Dhbew.crash.seconds=600 -Dit.timeout.seconds=1800 verify
 * </pre>
 * Further properties: {@code hbew.crash.rate} (events/s, default 300) and {@code hbew.crash.seed} (the events
 * and the kill moments). The children's output and state directories stay in
 * {@code tools/target/processors-crash-it/} until the next run.
 */
class ProcessorsCrashIT {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsCrashIT.class);

    private static final int KILLS = Math.max(3, Integer.getInteger("hbew.crash.kills", 3));
    private static final Duration KILL_SPAN = Duration.ofSeconds(Integer.getInteger("hbew.crash.seconds", 30));
    private static final int EVENTS_PER_SECOND = Integer.getInteger("hbew.crash.rate", 300);
    private static final long SEED = Long.getLong("hbew.crash.seed", 20261130L);
    private static final double RESEND_SHARE = 0.05;
    /** An instance is never killed sooner than this after it is RUNNING, so every one of them processes. */
    private static final Duration MIN_UPTIME = Duration.ofMillis(500);
    /** Load on both instances after the thawed one has rejoined, before the load stops. */
    private static final Duration AFTER_REJOIN = Duration.ofSeconds(3);
    private static final Duration PATIENCE = Duration.ofMinutes(3);
    private static final double SUM_TOLERANCE = 1e-9;
    /** The children's logs and state directories, kept after the test for diagnosis, cleared before it. */
    private static final Path WORK = Path.of("target", "processors-crash-it").toAbsolutePath();
    private static final String STALE_HEADER = "X-Data-Stale";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ProcessorsChild> children = new ArrayList<>();
    private final Map<String, Integer> launches = new HashMap<>();
    private final String applicationId = "crash-it-" + SEED;

    private TestStack stack;
    private SteadyLoad load;
    private StreamsGroup group;

    @BeforeEach
    void clearWorkDirectory() throws IOException {
        if (Files.isDirectory(WORK)) {
            try (Stream<Path> files = Files.walk(WORK)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        Files.createDirectories(WORK);
    }

    @AfterEach
    void stopEverything() throws InterruptedException {
        try {
            killAll();
        } finally {
            try {
                if (load != null) {
                    load.close();
                }
            } finally {
                if (group != null) {
                    group.close();
                }
                if (stack != null) {
                    stack.close();
                }
            }
        }
    }

    /** Kills every child still running, each even if killing another failed. */
    private void killAll() throws InterruptedException {
        IllegalStateException failed = null;
        for (ProcessorsChild child : children) {
            try {
                child.close();
            } catch (IllegalStateException e) {
                failed = e;
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void shouldCountEveryEventOnceThroughKillsAnEmptyRestartAndAFencedFreeze() throws Exception {
        long testStart = System.nanoTime();
        Random random = new Random(SEED);
        stack = TestStack.withTopics();
        group = new StreamsGroup(stack.bootstrapServers(), applicationId, TestStack.PARTITIONS);
        load = SteadyLoad.start(stack.bootstrapServers(), CatalogLoader.loadDefault(), SEED, RESEND_SHARE,
                EVENTS_PER_SECOND);
        Path stateDir = WORK.resolve("state-a");
        ProcessorsChild a = launch("a", stateDir);
        a.awaitReady(PATIENCE);
        log.info("{} RUNNING after {} s; {} kills at random moments of the next {}", a,
                Elapsed.secondsSince(testStart), KILLS,
                KILL_SPAN);

        a = killAndRestart(a, stateDir, random);
        freezeOneOfTwo(a, random);
        Thread.sleep(AFTER_REJOIN.toMillis());

        SentTally sent = load.stop();
        log.info("load stopped after {} records ({} distinct events, {} re-sends) at {} s", sent.sent(),
                sent.distinct(), sent.resends(), Elapsed.secondsSince(testStart));
        List<ProcessorsChild> running = children.stream().filter(ProcessorsChild::isAlive).toList();
        awaitWorkedOff(sent, running);
        log.info("worked off at {} s", Elapsed.secondsSince(testStart));

        for (ProcessorsChild child : running) {
            JsonNode accounting = get(child, "/v1/accounting");
            assertThat(accounting.path("counted").asLong()).as("counted, on " + child).isEqualTo(sent.distinct());
            assertThat(accounting.path("duplicates").asLong()).as("duplicates, on " + child)
                    .isEqualTo(sent.resends());
            assertThat(accounting.path("late").asLong()).as("late, on " + child).isZero();
            assertThat(accounting.path("deadLettered").asLong()).as("dead-lettered, on " + child).isZero();
        }
        Map<String, SentTally.Figures> city = sent.cityFigures();
        assertThat(differences(city, readLatest(Topics.INDICATORS_CITY.name())))
                .as("hbew.indicators.city against what was sent (%d figures)", city.size()).isEmpty();
        for (ProcessorsChild child : running) {
            assertThat(queryDifferences(child, sent)).as("the query API of %s against what was sent", child)
                    .isEmpty();
        }
        // The rollup works behind a repartition topic, which the committed offsets of hbew.events.raw do not cover.
        Map<String, SentTally.Figures> region = sent.regionFigures();
        await("hbew.indicators.region to add up what was sent").atMost(PATIENCE).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(differences(region, readLatest(Topics.INDICATORS_REGION.name())))
                        .as("hbew.indicators.region against what was sent (%d figures)", region.size()).isEmpty());
        log.info("{} city and {} regional figures equal; the whole test took {} s", city.size(), region.size(),
                Elapsed.secondsSince(testStart));
    }

    /**
     * Kills {@code first} at {@link #KILLS} random moments of the next {@link #KILL_SPAN}, each time restarting it
     * on its state directory, except once, half-way, on an empty one.
     *
     * @return the incarnation running at the end
     */
    private ProcessorsChild killAndRestart(ProcessorsChild first, Path stateDir, Random random) throws Exception {
        long spanStart = System.nanoTime();
        long[] moments = random.longs(KILLS, 0, KILL_SPAN.toNanos()).sorted().toArray();
        int emptyRestart = (KILLS + 1) / 2;
        ProcessorsChild current = first;
        Path dir = stateDir;
        for (int kill = 1; kill <= KILLS; kill++) {
            long due = Math.max(spanStart + moments[kill - 1], System.nanoTime() + MIN_UPTIME.toNanos());
            TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
            long acknowledged = load.acknowledged();
            current.kill();
            if (kill == emptyRestart) {
                dir = WORK.resolve("state-a-empty");
            }
            log.info("kill {} of {}: SIGKILL to {} with {} records sent; restarting on {} state directory", kill,
                    KILLS, current, acknowledged, kill == emptyRestart ? "an empty" : "its");
            current = launch("a", dir);
            current.awaitReady(PATIENCE);
        }
        return current;
    }

    /**
     * Starts a second instance and waits until both work; freezes one of the two that holds partitions of
     * hbew.events.raw until the broker has removed it from the group, the other holds every raw partition and has
     * committed past where they were; thaws it and waits until both are members and RUNNING again.
     */
    private void freezeOneOfTwo(ProcessorsChild a, Random random) throws Exception {
        String clientA = awaitMembers(1, "only " + a).keySet().iterator().next();
        ProcessorsChild b = launch("b", WORK.resolve("state-b"));
        b.awaitReady(PATIENCE);
        a.awaitReady(PATIENCE);
        Map<String, Set<Integer>> members = awaitSettled(a + " and " + b);
        String clientB = members.keySet().stream().filter(c -> !c.equals(clientA)).findFirst().orElseThrow();
        boolean bothHoldRaw = !members.get(clientA).isEmpty() && !members.get(clientB).isEmpty();
        boolean freezeA = bothHoldRaw ? random.nextBoolean() : !members.get(clientA).isEmpty();
        ProcessorsChild frozen = freezeA ? a : b;
        ProcessorsChild survivor = freezeA ? b : a;
        String survivorClient = freezeA ? clientB : clientA;

        frozen.pause();
        log.info("SIGSTOP to {}, which holds raw partitions {}", frozen, members.get(freezeA ? clientA : clientB));
        Map<String, Set<Integer>> afterFreeze = awaitMembers(1, "only " + survivor + " while " + frozen + " is frozen");
        assertThat(afterFreeze).as("the group while %s is frozen", frozen)
                .containsOnlyKeys(survivorClient)
                .containsEntry(survivorClient, allRawPartitions());
        awaitCommitsPast(awaitCommittedRaw(), "by " + survivor);
        frozen.resume();
        log.info("SIGCONT to {}", frozen);
        awaitMembers(2, a + " and " + b + " after the thaw");
        a.awaitReady(PATIENCE);
        b.awaitReady(PATIENCE);
    }

    /**
     * Waits until the group has two members that keep their assignment while every raw partition is committed
     * further, i.e. both instances work under load (no rebalance is under way), and returns the members.
     */
    private Map<String, Set<Integer>> awaitSettled(String what) throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            Map<String, Set<Integer>> members = awaitMembers(2, what);
            awaitCommitsPast(awaitCommittedRaw(), "by " + what);
            if (group.stableMembers().filter(members::equals).isPresent()) {
                return members;
            }
            assertThat(System.nanoTime()).as("%s settled in time", what).isLessThan(deadline);
        }
    }

    /** Waits until the committed offset of every partition of hbew.events.raw is past {@code offsets}. */
    private void awaitCommitsPast(Map<Integer, Long> offsets, String by) {
        await("every raw partition committed " + by + " past " + offsets).atMost(PATIENCE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> group.committedRaw().filter(now -> offsets.keySet().stream()
                        .allMatch(p -> now.get(p) > offsets.get(p))).isPresent());
    }

    /** Waits until no open transaction holds a committed offset of hbew.events.raw and returns them. */
    private Map<Integer, Long> awaitCommittedRaw() {
        return await("the committed offsets of hbew.events.raw").atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
                .until(group::committedRaw, Optional::isPresent).orElseThrow();
    }

    /** Waits until the group is stable with {@code count} members and returns them. */
    private Map<String, Set<Integer>> awaitMembers(int count, String what) {
        return await("a stable group of " + what).atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .until(() -> group.stableMembers().orElse(Map.of()), m -> m.size() == count);
    }

    /**
     * Waits until every raw record's offset is committed (with everything it produced) and every instance's
     * accounting has received them all, each accounted for once.
     */
    private void awaitWorkedOff(SentTally sent, List<ProcessorsChild> running) {
        await("every raw record worked off and committed").atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> group.committedRaw().equals(Optional.of(group.rawEnd())));
        for (ProcessorsChild child : running) {
            await("GET /v1/accounting on " + child + " to balance at " + sent.sent() + " received").atMost(PATIENCE)
                    .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                        JsonNode accounting = get(child, "/v1/accounting");
                        assertThat(accounting.path("partitions").asInt()).isEqualTo(TestStack.PARTITIONS);
                        assertThat(accounting.path("received").asLong()).isEqualTo(sent.sent());
                        assertThat(accounting.path("balanced").asBoolean()).as(accounting.toString()).isTrue();
                    });
        }
    }

    /** Every key of an indicator topic with the count and sum of its latest committed record. */
    private Map<String, SentTally.Figures> readLatest(String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<String, SentTally.Figures> latest = new TreeMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as(topic + " read to its end in time").isLessThan(deadline);
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    latest.put(record.key(), figures(Json.mapper().readTree(record.value()).path("statistics")));
                }
            }
        } catch (IOException e) {
            throw new AssertionError("a record of " + topic + " is not JSON", e);
        }
        return latest;
    }

    /**
     * Asks {@code child} for each item and city that had events, in each window, for the range of window starts
     * the load covered, and compares what it answers with what was sent.
     */
    private List<String> queryDifferences(ProcessorsChild child, SentTally sent) throws Exception {
        List<String> differences = new ArrayList<>();
        for (String window : SentTally.WINDOWS.keySet()) {
            Map.Entry<Instant, Instant> starts = sent.windowStarts(window);
            for (Map.Entry<Integer, String> itemCity : sent.itemCities()) {
                JsonNode answer = get(child, "/v1/items/" + itemCity.getKey() + "/cities/" + itemCity.getValue()
                        + "?window=" + window + "&from=" + starts.getKey() + "&to=" + starts.getValue());
                Map<String, SentTally.Figures> answered = new TreeMap<>();
                for (JsonNode record : answer.path("records")) {
                    answered.put(Keys.cityIndicator(record.path("item").asInt(), record.path("city").asText(),
                                    record.path("indicator").asText(), record.path("window").asText(),
                                    Instant.parse(record.path("windowStart").asText())),
                            figures(record.path("statistics")));
                }
                differences.addAll(differences(sent.cityFigures(itemCity.getKey(), itemCity.getValue(), window),
                        answered));
            }
        }
        return differences;
    }

    /** Each key whose figures differ from what was sent, is missing, or is there without having been sent. */
    private static List<String> differences(Map<String, SentTally.Figures> expected,
                                            Map<String, SentTally.Figures> actual) {
        List<String> differences = new ArrayList<>();
        Map<String, SentTally.Figures> unexpected = new TreeMap<>(actual);
        expected.forEach((key, figures) -> {
            SentTally.Figures found = unexpected.remove(key);
            if (found == null) {
                differences.add(key + ": missing; sent " + figures);
            } else if (found.count() != figures.count() || !closeEnough(found.sum(), figures.sum())) {
                differences.add(key + ": " + found + "; sent " + figures);
            }
        });
        unexpected.forEach((key, figures) -> differences.add(key + ": " + figures + "; never sent"));
        return differences;
    }

    private static boolean closeEnough(double actual, double expected) {
        return Math.abs(actual - expected) <= SUM_TOLERANCE * Math.max(1, Math.abs(expected));
    }

    private static SentTally.Figures figures(JsonNode statistics) {
        return new SentTally.Figures(statistics.path("count").asLong(), statistics.path("sum").asDouble());
    }

    /** A query API answer that must be 200 and built from caught-up stores only. */
    private JsonNode get(ProcessorsChild child, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(child.url(pathAndQuery))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s on %s: %s", pathAndQuery, child, response.body())
                .isEqualTo(200);
        assertThat(response.headers().firstValue(STALE_HEADER)).as("GET %s on %s marked stale", pathAndQuery, child)
                .isEmpty();
        return Json.mapper().readTree(response.body());
    }

    /** Starts the next incarnation of instance {@code name} on a free port, its output in its own log file. */
    private ProcessorsChild launch(String name, Path stateDir) {
        int incarnation = launches.merge(name, 1, Integer::sum);
        String label = name + "#" + incarnation;
        ProcessorsChild child = ProcessorsChild.launch(label, stack.bootstrapServers(), applicationId, stateDir,
                FreePorts.one(), WORK.resolve(name + "-" + incarnation + ".log"), http);
        children.add(child);
        return child;
    }

    private static Set<Integer> allRawPartitions() {
        return IntStream.range(0, TestStack.PARTITIONS).boxed().collect(Collectors.toSet());
    }
}
