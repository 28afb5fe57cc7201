package org.hbew.indicators.processors;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.kafka.KafkaClientProperties;
import org.hbew.indicators.kafka.KafkaRefusal;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.metrics.BusinessMetrics;
import org.hbew.indicators.processors.metrics.PipelineMetrics;
import org.hbew.indicators.processors.query.QueryServer;
import org.hbew.indicators.processors.topology.IndicatorTopology;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One processor instance: the Kafka Streams application running {@link IndicatorTopology}, its
 * metrics, and (see {@code query}) the HTTP query API. Run several with the same application id to
 * scale out; Kafka spreads the partitions of hbew.events.raw over them.
 */
public final class ProcessorsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessorsApp.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    private final ProcessorsConfig config;
    private final Catalog catalog;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private TopologySettings settings;
    private KafkaStreams streams;
    private KafkaStreamsMetrics streamsMetrics;
    private JvmGcMetrics gcMetrics;
    private QueryServer queryServer;
    private BusinessMetrics businessMetrics;
    /** Counted down when Kafka Streams stops for good while this instance is meant to run. */
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile String failure;

    public ProcessorsApp(ProcessorsConfig config, Catalog catalog) {
        this.config = config;
        this.catalog = catalog;
    }

    /**
     * Starts processing and the query API; returns once Kafka Streams is starting (see {@link #awaitRunning})
     * and the API's port is bound.
     *
     * @throws IllegalStateException if the query API cannot start (port taken); Kafka Streams is closed again
     */
    public synchronized void start() {
        TopologySettings configured = config.topology();
        settings = configured.rawPartitions() != TopologySettings.PARTITIONS_OF_THE_CLUSTER ? configured
                : configured.toBuilder().rawPartitions(rawPartitionsOnCluster()).build();
        PipelineMetrics metrics = new PipelineMetrics(registry, catalog);
        ProcessorsConfig effective = config.toBuilder().topology(settings).build();
        Properties props = StreamsSettings.properties(effective, metrics);
        Topology topology = new IndicatorTopology(catalog, settings, metrics).topology(props);

        streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(this::onStreamThreadDeath);
        streams.setStateListener((now, before) -> {
            LOG.info("Kafka Streams {} -> {}", before, now);
            if (now == KafkaStreams.State.ERROR) {
                stopped.countDown();
            }
        });
        bindMetrics();
        try {
            streams.start();
        } catch (RuntimeException e) {
            Optional<String> refusal = KafkaRefusal.describe(e);
            close();
            if (refusal.isPresent()) {
                LOG.error("Processors {} cannot start: {}", config.applicationId(), refusal.get());
                throw new IllegalStateException(refusal.get(), e);
            }
            throw e;
        }
        businessMetrics = new BusinessMetrics(streams, catalog, settings, config.citySilenceAfter(), registry,
                Clock.systemUTC());
        businessMetrics.start(BusinessMetrics.DEFAULT_REFRESH);
        startQueryServer();
        LOG.info("Processors {} started on {} ({} partitions of {}); Kafka client settings: {}",
                config.applicationId(), config.bootstrapServers(), settings.rawPartitions(), Topics.RAW.name(),
                KafkaClientProperties.of(config.streamsOverrides()).describe());
    }

    /**
     * A stream thread that died of a passing failure is replaced. One that Kafka refused (wrong credentials, a
     * missing ACL) would die again at once, so the instance stops instead, saying why: a replaced thread would
     * retry the refusal forever while the instance looked alive.
     */
    private StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onStreamThreadDeath(Throwable exception) {
        Optional<String> refusal = KafkaRefusal.describe(exception);
        if (refusal.isPresent()) {
            LOG.error("Processors {} stop: {}", config.applicationId(), refusal.get());
            LOG.debug("The refusal", exception);
            failure = refusal.get();
            stopped.countDown();
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        }
        LOG.error("A stream thread died; replacing it", exception);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
    }

    /**
     * Waits until Kafka Streams has stopped for good (Kafka refused it, or it failed), or the time is up.
     *
     * @return why it stopped, if it did
     */
    public Optional<String> awaitFailure(Duration timeout) throws InterruptedException {
        if (!stopped.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        String why = failure;
        return Optional.of(why != null ? why : "Kafka Streams stopped in state " + streams.state() + " (see the log)");
    }

    private void startQueryServer() {
        queryServer = new QueryServer(QueryServer.Settings.from(config), streams, catalog, settings, registry);
        try {
            queryServer.start();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private void bindMetrics() {
        streamsMetrics = new KafkaStreamsMetrics(streams);
        streamsMetrics.bindTo(registry);
        Gauge.builder("hbew.processors.running", this, app -> app.isRunning() ? 1 : 0)
                .description("1 while Kafka Streams is RUNNING (processing), 0 while starting, rebalancing or failed")
                .register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Waits until every stream thread runs its tasks; false if that did not happen in time or it stopped. */
    public boolean awaitRunning(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (streams.state() == KafkaStreams.State.RUNNING) {
                return true;
            }
            if (stopped.getCount() == 0) {
                return false;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    private int rawPartitionsOnCluster() {
        Map<String, Object> client = new HashMap<>();
        config.streamsOverrides().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                client.put(key, value);
            }
        });
        client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        client.put(AdminClientConfig.CLIENT_ID_CONFIG, config.applicationId() + "-startup");
        try (Admin admin = Admin.create(client)) {
            TopicDescription raw = admin.describeTopics(java.util.List.of(Topics.RAW.name())).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(Topics.RAW.name());
            return raw.partitions().size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + Topics.RAW.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            Optional<String> refusal = KafkaRefusal.describe(e);
            if (refusal.isPresent()) {
                throw new IllegalStateException("cannot describe " + Topics.RAW.name() + " on "
                        + config.bootstrapServers() + ": " + refusal.get(), e);
            }
            throw new IllegalStateException("cannot describe " + Topics.RAW.name() + " on " + config.bootstrapServers()
                    + "; create the topics first (./hbew topics)", e);
        }
    }

    public KafkaStreams streams() {
        return streams;
    }

    public TopologySettings settings() {
        return settings;
    }

    /** The port the query API listens on. */
    public synchronized int httpPort() {
        if (queryServer == null) {
            throw new IllegalStateException("the processors are not running");
        }
        return queryServer.port();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public ProcessorsConfig config() {
        return config;
    }

    public Catalog catalog() {
        return catalog;
    }

    private boolean isRunning() {
        KafkaStreams current = streams;
        return current != null && current.state() == KafkaStreams.State.RUNNING;
    }

    @Override
    public synchronized void close() {
        if (businessMetrics != null) {
            businessMetrics.close();
            businessMetrics = null;
        }
        if (queryServer != null) {
            queryServer.close();
            queryServer = null;
        }
        if (streams != null) {
            // Leave the group on purpose: Kafka Streams stays a member by default (good for a quick bounce), which
            // makes the next instance, or this one restarted, wait a whole session timeout before it gets tasks.
            if (!streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP))) {
                LOG.warn("Kafka Streams did not close within {}", CLOSE_TIMEOUT);
            }
            streams = null;
        }
        if (streamsMetrics != null) {
            streamsMetrics.close();
            streamsMetrics = null;
        }
        if (gcMetrics != null) {
            gcMetrics.close();
            gcMetrics = null;
        }
        registry.close();
    }
}
