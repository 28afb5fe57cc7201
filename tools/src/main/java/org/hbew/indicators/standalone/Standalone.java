package org.hbew.indicators.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.hbew.indicators.broker.EmbeddedKafkaBroker;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.ingest.IngestConfig;
import org.hbew.indicators.ingest.IngestGateway;
import org.hbew.indicators.ingest.TokenStore;
import org.hbew.indicators.kafka.TopicProvisioner;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.ProcessorsApp;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.simulator.Simulator;
import org.hbew.indicators.simulator.SimulatorConfig;
import org.hbew.indicators.targets.TargetSeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole product on one machine, in this JVM: a real Kafka broker (KRaft) keeping its data in
 * {@code <data-dir>/kafka}, the topics, the catalog's default targets, the ingest gateway with the
 * tokens of {@code <data-dir>/tokens.properties}, one processor instance with its state in
 * {@code <data-dir>/processors}, and the simulator. Everything started is stopped by {@link #close()},
 * in reverse order; a second start on the same data directory resumes where the first stopped.
 */
public final class Standalone implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Standalone.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final StandaloneConfig config;
    private final Catalog catalog;
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private EmbeddedKafkaBroker broker;
    private IngestGateway ingest;
    private ProcessorsApp processors;
    private Simulator simulator;
    private int processorsPort;

    public Standalone(StandaloneConfig config, Catalog catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    /** Starts everything; returns when the processors are running and ingest accepts events. */
    public synchronized void start() {
        try {
            OwnerOnlyFiles.restrict(config.dataDir());
            startBroker();
            createTopicsAndTargets();
            startIngest();
            startProcessors();
            if (config.simulate()) {
                startSimulator();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void startBroker() {
        broker = EmbeddedKafkaBroker.builder(config.dataDir()).brokerPort(config.kafkaPort()).build();
        started.push(broker);
        broker.start();
    }

    private void createTopicsAndTargets() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            TopicProvisioner.Report report = new TopicProvisioner(admin, config.partitions(), (short) 1,
                    Duration.ofSeconds(30)).ensure(Topics.all());
            if (!report.created().isEmpty()) {
                LOG.info("Created topics {}", report.created());
            }
            report.differences().forEach(d -> LOG.warn("Topic differs from its definition: {}", d));
        }
        Map<String, Object> client = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        int seeded = new TargetSeeder(catalog, client, Duration.ofSeconds(30), Clock.systemUTC()).seed().size();
        if (seeded > 0) {
            LOG.info("Seeded {} default targets from the catalog", seeded);
        }
    }

    private void startIngest() {
        TokenStore tokens = TokenStore.loadOrCreate(config.tokensFile(), catalog.cityCodes(), true);
        ingest = new IngestGateway(IngestConfig.builder(broker.bootstrapServers(), tokens)
                .host(config.host())
                .port(config.ingestPort())
                .readToken(readToken(tokens))
                .build(), catalog);
        started.push(ingest);
        ingest.start();
    }

    /**
     * The processors' windows and timing for this configuration: the defaults but for the grace and the status
     * interval. The partitions of hbew.events.raw are asked of the broker at start-up, like any instance's: a
     * data directory of an earlier run keeps the topic it had, whatever {@code --partitions} says now.
     *
     * @throws IllegalArgumentException if they do not fit together (a grace longer than the retention allows)
     */
    public static TopologySettings topologySettings(StandaloneConfig config) {
        return TopologySettings.builder().grace(config.grace()).statusInterval(config.statusInterval()).build();
    }

    private void startProcessors() {
        // The query API's port is advertised to Kafka Streams before the API listens, so port 0 cannot be left
        // to the API to choose: a free port is found first, and another one if that was taken in between.
        processors = config.processorsPort() == 0
                ? FreePorts.retryOnBindFailure(() -> startProcessorsOn(FreePorts.one(hostAddress())))
                : startProcessorsOn(config.processorsPort());
        processorsPort = processors.config().httpPort();
        if (!processors.awaitRunning(STARTUP_TIMEOUT)) {
            throw new IllegalStateException("the processors did not reach RUNNING within " + STARTUP_TIMEOUT);
        }
    }

    /** The processors with their query API on {@code port}; closed again if they cannot start. */
    private ProcessorsApp startProcessorsOn(int port) {
        ProcessorsConfig processorsConfig = ProcessorsConfig.builder(broker.bootstrapServers(),
                        config.dataDir().resolve("processors"))
                .httpPort(port)
                .httpHost(config.host())
                .readToken(readToken(TokenStore.load(config.tokensFile())))
                .replicationFactor(1)
                .topology(topologySettings(config))
                .citySilenceAfter(config.citySilenceAfter())
                .build();
        ProcessorsApp app = new ProcessorsApp(processorsConfig, catalog);
        started.push(app);
        try {
            app.start();
        } catch (RuntimeException e) {
            started.remove(app);
            app.close();
            throw e;
        }
        return app;
    }

    /**
     * On this machine only, the read side answers without a token, as a laptop's demo should; on any other address
     * the tokens file's {@code reader} token is required.
     */
    private String readToken(TokenStore tokens) {
        return config.loopbackOnly() ? "" : tokens.token(TokenStore.READER).orElse("");
    }

    /** Whether the query API and /metrics require the reader token of the tokens file. */
    public boolean readTokenRequired() {
        return !config.loopbackOnly();
    }

    private void startSimulator() {
        TokenStore tokens = TokenStore.load(config.tokensFile());
        Map<String, String> byPrincipal = new LinkedHashMap<>();
        tokens.principals().forEach(p -> tokens.token(p).ifPresent(t -> byPrincipal.put(p, t)));
        simulator = new Simulator(SimulatorConfig.of(ingestUrl(), byPrincipal, config.simulateRate(),
                config.simulation()), catalog);
        started.push(simulator);
        simulator.start();
    }

    private InetAddress hostAddress() {
        try {
            return InetAddress.getByName(config.host());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + config.host(), e);
        }
    }

    public URI ingestUrl() {
        return URI.create("http://" + config.advertisedHost() + ":" + ingest.port());
    }

    public URI processorsUrl() {
        return URI.create("http://" + config.advertisedHost() + ":" + processorsPort);
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public Path tokensFile() {
        return config.tokensFile();
    }

    public Optional<Simulator> simulator() {
        return Optional.ofNullable(simulator);
    }

    public ProcessorsApp processors() {
        return processors;
    }

    /** Stops everything started, newest first; safe to call more than once. */
    @Override
    public synchronized void close() {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("Stopping {} failed", part.getClass().getSimpleName(), e);
            }
        }
    }
}
