package org.hbew.indicators.broker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker, in KRaft combined mode (broker and controller in one server), running
 * inside the current JVM.
 *
 * <p>It backs {@code ./hbew standalone} and the integration tests of the other modules. It runs in-process rather
 * than in Docker or through Kafka's shell scripts so that a JDK is the only prerequisite, the broker lives and dies
 * with the JVM that owns it, and tests exercise the genuine server (transaction coordinator, group coordinator,
 * log storage) instead of a mock.
 *
 * <p>Storage lives under {@code <dataDir>/kafka}. The first {@link #start()} formats it with a freshly generated
 * cluster id; a later start on the same directory reuses it, so topics, records and committed offsets survive a
 * restart. An instance is single-use: start it once and {@link #close()} it; to restart, build a new instance on
 * the same data directory.
 *
 * <p>The controller quorum is static ({@code controller.quorum.voters} with this node as the only voter) rather
 * than a KIP-853 dynamic quorum, because a dynamic quorum records the controller endpoint in the metadata log and
 * would then be tied to the port of the first start; with a static quorum every start may use a different port.
 *
 * <p>While any instance is running, Kafka's requests to exit or halt the JVM on fatal errors are refused and logged
 * instead; see {@link KafkaExitGuard}.
 *
 * <p>{@code start()} and {@code close()} are synchronized; {@code close()} may be called from any thread.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** Kafka's conventional controller port; the product contract keeps our controller off it. */
    static final int FORBIDDEN_CONTROLLER_PORT = 9093;

    private static final int DEFAULT_NODE_ID = 1;
    private static final String PLAINTEXT_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String STORAGE_DIR_NAME = "kafka";
    private static final String META_PROPERTIES_FILE = "meta.properties";
    private static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READINESS_POLL_INTERVAL = Duration.ofMillis(100);

    /**
     * Settings this class derives itself; overriding them would break formatting, the reported bootstrap address or
     * the single-voter quorum.
     */
    static final Set<String> RESERVED_PROPERTIES = Set.of(
            "process.roles",
            "node.id",
            "broker.id",
            "listeners",
            "advertised.listeners",
            "listener.security.protocol.map",
            "inter.broker.listener.name",
            "controller.listener.names",
            "controller.quorum.voters",
            "controller.quorum.bootstrap.servers",
            "log.dir",
            "log.dirs",
            "metadata.log.dir");

    private final Path storageDir;
    private final String host;
    private final int requestedBrokerPort;
    private final int requestedControllerPort;
    private final Map<String, String> propertyOverrides;
    private final Duration startTimeout;
    private final int nodeId;
    private final PortFinder portFinder;
    private final String clusterId;
    private final String quorumVoters;
    private final SaslSslListener saslSsl;
    private final String brokerListener;

    private State state = State.NEW;
    private KafkaRaftServer server;
    // Released by the shutdown thread, which must not need this instance's monitor: close() holds it while joining.
    private final AtomicBoolean holdsExitGuard = new AtomicBoolean();
    private volatile int brokerPort = -1;
    private volatile int controllerPort = -1;

    private enum State { NEW, RUNNING, CLOSED }

    /** How free ports are found: {@link FreePorts#distinct}, or a test's stand-in that loses the race on purpose. */
    @FunctionalInterface
    interface PortFinder {
        List<Integer> find(InetAddress address, int count, Set<Integer> excluded);
    }

    private EmbeddedKafkaBroker(Builder builder) {
        this.storageDir = builder.dataDir.resolve(STORAGE_DIR_NAME);
        this.host = builder.host;
        this.requestedBrokerPort = builder.brokerPort;
        this.requestedControllerPort = builder.controllerPort;
        this.propertyOverrides = Map.copyOf(builder.properties);
        this.startTimeout = builder.startTimeout;
        this.nodeId = builder.nodeId;
        this.portFinder = builder.portFinder;
        this.clusterId = builder.clusterId;
        this.quorumVoters = builder.quorumVoters;
        this.saslSsl = builder.saslSsl;
        this.brokerListener = saslSsl == null ? PLAINTEXT_LISTENER : SaslSslListener.LISTENER;
    }

    /**
     * Starts building a broker that keeps its storage under {@code <dataDir>/kafka}.
     */
    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /**
     * Formats the storage if this is its first use, starts the broker and returns once it answers client requests.
     *
     * @throws IllegalStateException if the instance was already started or closed, or if the broker fails to
     *                               start or does not become ready within the start timeout; in that case
     *                               everything started so far has been shut down again
     */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("An EmbeddedKafkaBroker can be started only once; it is " + state);
        }
        long startedAt = System.nanoTime();
        long deadline = startedAt + startTimeout.toNanos();
        try {
            Files.createDirectories(storageDir);
            boolean newStorage = !Files.exists(storageDir.resolve(META_PROPERTIES_FILE));
            if (requestedBrokerPort == 0 && requestedControllerPort == 0) {
                // Both ports are ours to choose, so a port taken before Kafka bound it is no reason to fail.
                FreePorts.retryOnBindFailure(() -> startOnChosenPorts(deadline),
                        failure -> FreePorts.isBindFailure(failure) || aChosenPortIsTaken());
            } else {
                startOnChosenPorts(deadline);
            }

            state = State.RUNNING;
            log.info("Kafka broker ready at {} (controller port {}, {} storage {}) in {} ms",
                    bootstrapServers(), controllerPort, newStorage ? "new" : "existing", storageDir,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
        } catch (IOException | RuntimeException e) {
            state = State.CLOSED;
            stopServer();
            Throwable failure = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            throw new IllegalStateException("Kafka broker with storage " + storageDir + " failed to start on "
                    + host + " (broker port " + brokerPort + ", controller port " + controllerPort + "): "
                    + failure.getMessage(), failure);
        }
    }

    /**
     * Chooses the ports, formats the storage if need be and starts the server; when that fails, stops what it
     * started (releasing the storage and the listeners) before it throws, so that it may be called again.
     *
     * @return null, for {@link FreePorts#retryOnBindFailure}
     */
    private Void startOnChosenPorts(long deadline) {
        try {
            choosePorts();
            KafkaConfig config = new KafkaConfig(serverProperties(deadline));
            formatIfUnformatted();

            KafkaExitGuard.acquire();
            holdsExitGuard.set(true);
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
            awaitReady(deadline);
            return null;
        } catch (IOException e) {
            stopServer();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            stopServer();
            throw e;
        }
    }

    /**
     * Whether another process holds one of the ports this instance chose, once its own server has stopped. Kafka
     * does not always say so: when the controller cannot bind, it asks to halt the JVM, and the refused halt is
     * all that reaches {@link #start()}.
     */
    private boolean aChosenPortIsTaken() {
        try {
            InetAddress address = InetAddress.getByName(host);
            return FreePorts.isTaken(address, brokerPort) || FreePorts.isTaken(address, controllerPort);
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /**
     * The address clients bootstrap from, {@code host:brokerPort}.
     *
     * @throws IllegalStateException before {@link #start()} has chosen the port
     */
    public String bootstrapServers() {
        return host + ":" + brokerPort();
    }

    /**
     * The port of the client listener; the chosen free port if 0 was requested.
     *
     * @throws IllegalStateException before {@link #start()} has chosen the port
     */
    public int brokerPort() {
        return requireChosen(brokerPort);
    }

    /**
     * The port of the KRaft controller listener; the chosen free port if 0 was requested. Never 9093.
     *
     * @throws IllegalStateException before {@link #start()} has chosen the port
     */
    public int controllerPort() {
        return requireChosen(controllerPort);
    }

    /**
     * Shuts the broker down (controlled shutdown: it deregisters from its controller, flushes and closes its logs
     * and releases the storage lock), waiting at most about ten seconds. Safe to call more than once and before
     * {@link #start()}.
     */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        stopServer();
    }

    private static int requireChosen(int port) {
        if (port < 0) {
            throw new IllegalStateException("The broker has not been started yet, so its ports are not chosen");
        }
        return port;
    }

    /**
     * Turns requested port 0 into a free port ({@link FreePorts}, never 9093), because Kafka must be told its
     * ports up front (the controller port is part of the quorum configuration). Another process may bind the port
     * between our probe and Kafka's bind, a window of up to a few seconds on a cold JVM; when both ports were
     * chosen here, {@link #start()} then tries again on fresh ones.
     */
    private void choosePorts() throws IOException {
        List<Integer> free = portFinder.find(InetAddress.getByName(host), 2,
                Set.copyOf(List.of(requestedBrokerPort, requestedControllerPort, FORBIDDEN_CONTROLLER_PORT)));
        brokerPort = requestedBrokerPort != 0 ? requestedBrokerPort : free.get(0);
        controllerPort = requestedControllerPort != 0 ? requestedControllerPort : free.get(1);
    }

    /**
     * Server settings for one node on a small machine: every internal topic with a single replica (otherwise the
     * offsets and transaction-state topics can never be created), few partitions for them so first use is quick,
     * few threads and modest buffers. Caller overrides are applied last.
     */
    private Map<String, Object> serverProperties(long deadline) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(nodeId));
        props.put("controller.quorum.voters", quorumVoters != null ? quorumVoters
                : nodeId + "@" + host + ":" + controllerPort);
        props.put("listeners",
                brokerListener + "://" + host + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://" + host + ":"
                        + controllerPort);
        props.put("advertised.listeners", brokerListener + "://" + host + ":" + brokerPort);
        props.put("listener.security.protocol.map", saslSsl == null
                ? brokerListener + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"
                : brokerListener + ":SASL_SSL," + CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
        props.put("inter.broker.listener.name", brokerListener);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("log.dirs", storageDir.toString());

        // Without this Kafka would wait forever for the broker to catch up and be unfenced.
        props.put("server.max.startup.time.ms", String.valueOf(Math.max(1, remainingMillis(deadline))));

        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "5");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "5");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("share.coordinator.state.topic.num.partitions", "5");
        props.put("default.replication.factor", "1");
        props.put("min.insync.replicas", "1");

        // Topics are the pipeline's contract; a typo must fail instead of silently creating a topic.
        props.put("auto.create.topics.enable", "false");
        // Nobody else is going to join; do not make the first consumer or Streams member wait for them.
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("group.streams.initial.rebalance.delay.ms", "0");
        // Members of the KIP-848 consumer and KIP-1071 streams protocols learn their assignment only by heartbeat.
        // A new Streams app gets nothing until the broker has created its internal topics, and then waits a whole
        // interval (5 s by default) for its tasks; one heartbeat a second costs nothing on a single node.
        props.put("group.streams.min.heartbeat.interval.ms", "1000");
        props.put("group.streams.heartbeat.interval.ms", "1000");
        props.put("group.consumer.min.heartbeat.interval.ms", "1000");
        props.put("group.consumer.heartbeat.interval.ms", "1000");

        props.put("num.network.threads", "2");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("num.replica.fetchers", "1");
        props.put("group.coordinator.threads", "1");
        props.put("group.coordinator.background.threads", "1");
        props.put("share.coordinator.threads", "1");
        props.put("log.cleaner.threads", "1");
        // The cleaner allocates its dedupe buffer up front; the 128 MiB default is most of a small heap.
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(16 * 1024 * 1024));
        props.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));

        if (saslSsl != null) {
            props.putAll(saslSsl.serverProperties(CONTROLLER_LISTENER));
        }
        props.putAll(propertyOverrides);
        return props;
    }

    /**
     * Client settings that reach this broker as its administrator: none for a PLAINTEXT broker, the broker
     * user's SASL_SSL settings for a secured one.
     */
    public Map<String, String> adminClientProperties() {
        return saslSsl == null ? Map.of() : saslSsl.adminClientProperties();
    }

    /**
     * Formats the storage directory unless a previous start already did. The formatter writes
     * {@code meta.properties} last, after the bootstrap metadata, so its presence means a completed format; anything
     * else wrong with existing storage is reported by {@code KafkaRaftServer} when it loads it.
     *
     */
    private void formatIfUnformatted() throws IOException {
        Path metaProperties = storageDir.resolve(META_PROPERTIES_FILE);
        if (Files.exists(metaProperties)) {
            Properties existing = new Properties();
            try (Reader reader = Files.newBufferedReader(metaProperties, StandardCharsets.UTF_8)) {
                existing.load(reader);
            }
            log.info("Reusing Kafka storage {} of cluster {}", storageDir, existing.getProperty("cluster.id"));
            return;
        }

        String clusterId = this.clusterId != null ? this.clusterId : Uuid.randomUuid().toString();
        ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
            Formatter formatter = new Formatter();
            if (saslSsl != null) {
                formatter.setScramArguments(saslSsl.formatterScramArguments());
            }
            formatter
                    .setPrintStream(printStream)
                    .setNodeId(nodeId)
                    .setClusterId(clusterId)
                    .setDirectories(List.of(storageDir.toString()))
                    .setMetadataLogDirectory(storageDir.toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .run();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Formatter.run() declares Exception; in practice it throws FormatterException and IOExceptions.
            throw new IllegalStateException("Formatting Kafka storage " + storageDir + " failed", e);
        }
        log.info("Formatted Kafka storage {} for new cluster {}", storageDir, clusterId);
        log.debug("Kafka storage formatter output: {}", formatterOutput.toString(StandardCharsets.UTF_8).strip());
    }

    /**
     * {@code KafkaRaftServer.startup()} returns once the broker is unfenced, but its listener may still be
     * settling; a successful metadata round trip from a real client is the readiness signal that matters.
     */
    private void awaitReady(long deadline) {
        Map<String, Object> adminConfig = new LinkedHashMap<>(adminClientProperties());
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "hbew-broker-readiness-probe");
        Throwable lastFailure = null;
        try (Admin admin = Admin.create(adminConfig)) {
            while (remainingMillis(deadline) > 0) {
                int attemptTimeout = (int) Math.min(remainingMillis(deadline), Integer.MAX_VALUE);
                try {
                    boolean registered = admin.describeCluster(new DescribeClusterOptions().timeoutMs(attemptTimeout))
                            .nodes()
                            .get()
                            .stream()
                            .anyMatch(node -> node.id() == nodeId);
                    if (registered) {
                        return;
                    }
                } catch (ExecutionException e) {
                    lastFailure = e.getCause();
                }
                Thread.sleep(READINESS_POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the Kafka broker to become ready", e);
        }
        throw new IllegalStateException("Kafka broker did not become ready within " + startTimeout, lastFailure);
    }

    private static long remainingMillis(long deadlineNanos) {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    /**
     * Shuts the server down on a separate thread so that a shutdown stuck inside Kafka cannot hang the caller for
     * longer than {@link #SHUTDOWN_TIMEOUT}. If it is stuck, the thread (a daemon) keeps trying in the background
     * and the storage lock stays held until it finishes, so a new broker on the same directory would fail to start.
     */
    private void stopServer() {
        KafkaRaftServer stopping = server;
        server = null;
        if (stopping == null) {
            releaseExitGuard();
            return;
        }
        long stopStartedAt = System.nanoTime();
        Thread stopper = new Thread(() -> {
            try {
                stopping.shutdown();
                stopping.awaitShutdown();
            } catch (RuntimeException e) {
                log.warn("Kafka broker with storage {} did not shut down cleanly", storageDir, e);
            } finally {
                releaseExitGuard();
            }
        }, "hbew-kafka-broker-shutdown");
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(SHUTDOWN_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while waiting for the Kafka broker to shut down; it continues in the background");
            return;
        }
        if (stopper.isAlive()) {
            log.warn("Kafka broker with storage {} did not shut down within {}; it continues in the background",
                    storageDir, SHUTDOWN_TIMEOUT);
        } else {
            log.info("Kafka broker with storage {} stopped in {} ms", storageDir,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStartedAt));
        }
    }

    private void releaseExitGuard() {
        if (holdsExitGuard.compareAndSet(true, false)) {
            KafkaExitGuard.release();
        }
    }

    /**
     * Settings of an {@link EmbeddedKafkaBroker}. Only the data directory is required.
     */
    public static final class Builder {

        private final Path dataDir;
        private int brokerPort;
        private int controllerPort;
        private String host = "127.0.0.1";
        private final Map<String, String> properties = new LinkedHashMap<>();
        private Duration startTimeout = DEFAULT_START_TIMEOUT;
        private int nodeId = DEFAULT_NODE_ID;
        private String clusterId;
        private String quorumVoters;
        private SaslSslListener saslSsl;
        private PortFinder portFinder = FreePorts::distinct;

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        }

        /**
         * Port of the client listener; 0 (the default) picks a free port at start. A picked port is free when
         * probed but could be taken by another process before Kafka binds it; when both ports are picked,
         * {@code start()} then tries again on fresh ones, otherwise it fails.
         */
        public Builder brokerPort(int port) {
            this.brokerPort = requireValidPort(port, "brokerPort");
            return this;
        }

        /**
         * Port of the KRaft controller listener; 0 (the default) picks a free port at start, never 9093. Must not
         * be 9093.
         */
        public Builder controllerPort(int port) {
            requireValidPort(port, "controllerPort");
            if (port == FORBIDDEN_CONTROLLER_PORT) {
                throw new IllegalArgumentException(
                        "controllerPort must not be " + FORBIDDEN_CONTROLLER_PORT + "; use another port or 0");
            }
            this.controllerPort = port;
            return this;
        }

        /**
         * Address both listeners bind to and the broker advertises to clients; default {@code 127.0.0.1}. It must
         * be a host name or IPv4 address that clients can connect to, so not a wildcard address.
         */
        public Builder host(String host) {
            Objects.requireNonNull(host, "host");
            if (host.isBlank()) {
                throw new IllegalArgumentException("host must not be blank");
            }
            this.host = host;
            return this;
        }

        /**
         * A Kafka server property that replaces this class's default. Properties describing the node's identity,
         * listeners, quorum and storage location are derived from the other settings and cannot be overridden.
         */
        public Builder brokerProperty(String name, String value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (RESERVED_PROPERTIES.contains(name)) {
                throw new IllegalArgumentException(
                        "'" + name + "' is derived by EmbeddedKafkaBroker and cannot be overridden");
            }
            properties.put(name, value);
            return this;
        }

        /** {@link #brokerProperty(String, String)} for each entry. */
        public Builder brokerProperties(Map<String, String> overrides) {
            overrides.forEach(this::brokerProperty);
            return this;
        }

        /** How long {@link EmbeddedKafkaBroker#start()} may take, formatting included; default 60 seconds. */
        public Builder startTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("startTimeout must be positive");
            }
            this.startTimeout = timeout;
            return this;
        }

        /**
         * Makes this broker one node of a cluster of several: its node id, the cluster id all nodes format their
         * storage with, and the static controller quorum of all of them ({@code 1@host:port,2@host:port,...}),
         * which must name this node at its {@link #controllerPort(int) controller port}. Each node also
         * combines broker and controller; start them at the same time, since a node waits for a quorum.
         */
        public Builder clusterNode(int id, String cluster, String voters) {
            if (id < 0) {
                throw new IllegalArgumentException("node id must not be negative, was " + id);
            }
            this.nodeId = id;
            this.clusterId = Objects.requireNonNull(cluster, "cluster");
            this.quorumVoters = Objects.requireNonNull(voters, "voters");
            return this;
        }

        /** How ports requested as 0 are found; {@link FreePorts#distinct} unless a test says otherwise. */
        Builder portFinder(PortFinder finder) {
            this.portFinder = Objects.requireNonNull(finder, "finder");
            return this;
        }

        /** Secures the client listener with SASL_SSL, SCRAM-SHA-512 and ACLs (see {@link SaslSslListener}). */
        public Builder saslSsl(SaslSslListener listener) {
            this.saslSsl = Objects.requireNonNull(listener, "listener");
            return this;
        }

        public EmbeddedKafkaBroker build() {
            if (quorumVoters != null && (controllerPort == 0 || !quorumVoters.contains(nodeId + "@"))) {
                throw new IllegalArgumentException("a cluster node needs a fixed controller port and must be one of "
                        + "the voters " + quorumVoters);
            }
            if (brokerPort != 0 && brokerPort == controllerPort) {
                throw new IllegalArgumentException("brokerPort and controllerPort must differ, both are " + brokerPort);
            }
            return new EmbeddedKafkaBroker(this);
        }

        private static int requireValidPort(int port, String name) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException(name + " must be between 0 and 65535, was " + port);
            }
            return port;
        }
    }
}
