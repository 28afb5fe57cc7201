package org.hbew.indicators.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.hbew.indicators.broker.EmbeddedKafkaBroker;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.kafka.TopicProvisioner;
import org.hbew.indicators.kafka.Topics;

/**
 * The production layout of {@code docker-compose.yml} from the jars, inside the test JVM: three KRaft nodes, each
 * broker and controller, with a static quorum of all three; every topic, the offsets and transaction-state logs
 * included, with three replicas and {@code min.insync.replicas=2}, so any one node may stop without losing or
 * refusing an acknowledged write. The product's topics are created by {@link TopicProvisioner} with replication
 * factor 3. Closing it stops every node still running and removes the directory.
 */
public final class ThreeBrokerCluster implements AutoCloseable {

    public static final int NODES = 3;
    public static final int PARTITIONS = 3;
    public static final short REPLICATION_FACTOR = 3;
    public static final int MIN_IN_SYNC_REPLICAS = 2;

    private static final String HOST = "127.0.0.1";
    /** Three nodes starting at once on a shared two-core machine take far longer than one. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(150);

    private final Path dir;
    private final Map<Integer, EmbeddedKafkaBroker> nodes;

    private ThreeBrokerCluster(Path dir, Map<Integer, EmbeddedKafkaBroker> nodes) {
        this.dir = dir;
        this.nodes = nodes;
    }

    /**
     * Starts the three nodes together (each waits for a quorum before it answers) and creates the product's
     * topics. Every node must know every controller port before any of them starts, so the ports are found first;
     * a start that lost one of them to another process is made again on fresh ports.
     */
    public static ThreeBrokerCluster startWithTopics() {
        AtomicReference<List<Integer>> ports = new AtomicReference<>();
        return FreePorts.retryOnBindFailure(() -> {
            ports.set(FreePorts.distinct(2 * NODES));
            return start(ports.get());
        }, failure -> FreePorts.isBindFailure(failure)
                // A node whose controller cannot bind asks Kafka to halt the JVM, and says no more than that.
                || ports.get().stream().anyMatch(port -> FreePorts.isTaken(InetAddress.getLoopbackAddress(), port)));
    }

    /** The nodes on these ports, the first three the controllers'; everything stopped again if they fail. */
    private static ThreeBrokerCluster start(List<Integer> ports) {
        Path dir;
        try {
            dir = Files.createTempDirectory("hbew-three-brokers-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String voters = IntStream.rangeClosed(1, NODES).mapToObj(id -> id + "@" + HOST + ":" + ports.get(id - 1))
                .collect(Collectors.joining(","));
        String clusterId = Uuid.randomUuid().toString();
        Map<Integer, EmbeddedKafkaBroker> nodes = new LinkedHashMap<>();
        for (int id = 1; id <= NODES; id++) {
            nodes.put(id, EmbeddedKafkaBroker.builder(dir.resolve("node-" + id))
                    .host(HOST)
                    .controllerPort(ports.get(id - 1))
                    .brokerPort(ports.get(NODES + id - 1))
                    .clusterNode(id, clusterId, voters)
                    .brokerProperties(replicatedProperties())
                    .startTimeout(START_TIMEOUT)
                    .build());
        }
        ThreeBrokerCluster cluster = new ThreeBrokerCluster(dir, nodes);
        try {
            CompletableFuture.allOf(nodes.values().stream()
                    .map(node -> CompletableFuture.runAsync(node::start))
                    .toArray(CompletableFuture[]::new)).join();
            cluster.createTopics();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e instanceof CompletionException && e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Replication as in the compose file, on a small machine's thread budget (the broker's defaults). */
    private static Map<String, String> replicatedProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("default.replication.factor", String.valueOf(REPLICATION_FACTOR));
        props.put("min.insync.replicas", String.valueOf(MIN_IN_SYNC_REPLICAS));
        props.put("offsets.topic.replication.factor", String.valueOf(REPLICATION_FACTOR));
        props.put("transaction.state.log.replication.factor", String.valueOf(REPLICATION_FACTOR));
        props.put("transaction.state.log.min.isr", String.valueOf(MIN_IN_SYNC_REPLICAS));
        props.put("share.coordinator.state.topic.replication.factor", String.valueOf(REPLICATION_FACTOR));
        props.put("share.coordinator.state.topic.min.isr", String.valueOf(MIN_IN_SYNC_REPLICAS));
        return props;
    }

    private void createTopics() {
        try (Admin admin = admin()) {
            TopicProvisioner.Report report = new TopicProvisioner(admin, PARTITIONS, REPLICATION_FACTOR,
                    Duration.ofSeconds(60)).ensure(Topics.all());
            if (!report.matches()) {
                throw new IllegalStateException("topics differ from their definition: " + report.differences());
            }
        }
    }

    /** Every node's client address, the stopped ones included, as an operator lists them. */
    public String bootstrapServers() {
        return nodes.values().stream().map(EmbeddedKafkaBroker::bootstrapServers).collect(Collectors.joining(","));
    }

    /** An admin client of the cluster; the caller closes it. */
    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Stops node {@code id} with a controlled shutdown: it hands its leaderships over and leaves the cluster. */
    public void stop(int id) {
        EmbeddedKafkaBroker node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node " + id + "; the nodes are " + nodes.keySet());
        }
        node.close();
    }

    @Override
    public void close() {
        try {
            // Each node even if stopping another failed; they are independent servers.
            nodes.values().parallelStream().forEach(EmbeddedKafkaBroker::close);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // A leftover temporary directory is not worth failing a test for.
            }
        }
    }
}
