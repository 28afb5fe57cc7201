package org.hbew.indicators.processors.query;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.http.ReadTokenGate;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processors' HTTP query API (Javalin on Jetty), answering from Kafka Streams' state stores through
 * interactive queries:
 * <ul>
 *   <li>{@code GET /v1/status} the 22x4 grid of statuses; {@code GET /v1/items} the catalog with status
 *       counts; {@code GET /v1/items/{item}} one item with its cities' and the region's figures;
 *       {@code GET /v1/items/{item}/cities/{city}?window&from&to} a city's history;
 *       {@code GET /v1/items/{item}/region?window&from&to} the regional rollup per window;
 *       {@code GET /v1/flows?flow&window&at} the origin-to-destination matrices;
 *       {@code GET /v1/accounting} where the raw records went;</li>
 *   <li>{@code GET /healthz}, {@code GET /readyz}, {@code GET /metrics}, and the operators' page at {@code GET /}
 *       and {@code GET /items/{item}} with its files under {@code /assets/};</li>
 *   <li>{@code GET /v1/internal/...}, how the instances read each other's stores.</li>
 * </ul>
 * State is spread over the instances of the application; any instance answers for all of it by asking
 * the others ({@link Router}). Errors are JSON {@code {error, message}}, never a stack trace.
 *
 * <p>Created after Kafka Streams has started (its metadata is needed from the first request) and closed
 * before it, so that no request reads a closing store.
 */
public final class QueryServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryServer.class);

    /** How long an instance waits for another's answer; a dead instance must not hold a request long. */
    static final Duration PEER_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final int MAX_HTTP_THREADS = 50;
    private static final int MIN_HTTP_THREADS = 4;

    /**
     * @param advertised  this instance as the others reach it: Kafka Streams' {@code application.server}
     * @param silentAfter how long without any event before a city counts as silent
     * @param readToken   required of every request but the probes, and presented to the other instances; empty
     *                    for none (see {@link ReadTokenGate})
     */
    public record Settings(String host, int port, HostInfo advertised, Duration silentAfter, String readToken) {

        /** Without a read token. */
        public Settings(String host, int port, HostInfo advertised, Duration silentAfter) {
            this(host, port, advertised, silentAfter, "");
        }

        public static Settings from(ProcessorsConfig config) {
            return new Settings(config.httpHost(), config.httpPort(),
                    new HostInfo(config.advertisedHost(), config.httpPort()), config.citySilenceAfter(),
                    config.readToken());
        }

        @Override
        public String toString() {
            return "Settings[" + host + ":" + port + ", advertised=" + advertised + ", silentAfter=" + silentAfter
                    + ", readToken=" + (readToken.isEmpty() ? "none" : "[hidden]") + "]";
        }
    }

    /** The routes that answer without the read token: orchestration's probes. */
    static final Set<String> OPEN_PATHS = Set.of("/healthz", "/readyz");

    private final Settings settings;
    private final KafkaStreams streams;
    private final Catalog catalog;
    private final TopologySettings topology;
    private final PrometheusMeterRegistry registry;
    private final Clock clock;
    private Javalin app;
    private boolean closed;

    public QueryServer(Settings settings, KafkaStreams streams, Catalog catalog, TopologySettings topology,
                       PrometheusMeterRegistry registry) {
        this(settings, streams, catalog, topology, registry, Clock.systemUTC());
    }

    QueryServer(Settings settings, KafkaStreams streams, Catalog catalog, TopologySettings topology,
                PrometheusMeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.streams = streams;
        this.catalog = catalog;
        this.topology = topology;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Starts listening; returns when the port is bound.
     *
     * @throws IllegalStateException if started twice or if the server cannot start (port taken)
     */
    public synchronized void start() {
        if (app != null || closed) {
            throw new IllegalStateException("a QueryServer starts once");
        }
        LocalStores stores = new LocalStores(streams);
        LocalStoreReader local = new LocalStoreReader(stores, catalog, topology, clock);
        HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1).build();
        Function<HostInfo, StoreReader> readers = host -> host.equals(settings.advertised()) ? local
                : new RemoteStoreReader(client, host, PEER_TIMEOUT, settings.readToken());
        Router router = new Router(new StreamsPlacement(streams, settings.advertised()), readers,
                PEER_TIMEOUT.plusSeconds(1));
        StatusQueries statuses = new StatusQueries(router, stores, catalog, topology, clock, settings.silentAfter());
        FigureQueries figures = new FigureQueries(router, statuses, catalog, topology, clock);

        QueryRoutes routes = new QueryRoutes(statuses, figures, catalog, topology, clock);
        InternalRoutes internal = new InternalRoutes(local, catalog, topology);
        ProbeRoutes probes = new ProbeRoutes(streams, registry);
        DashboardPage dashboard = new DashboardPage();
        ReadTokenGate gate = ReadTokenGate.requiring(Optional.of(settings.readToken()), OPEN_PATHS, true);
        QueuedThreadPool threads = new QueuedThreadPool(MAX_HTTP_THREADS, MIN_HTTP_THREADS);
        threads.setName("hbew-query-http");
        Javalin server = Javalin.create(cfg -> {
            configure(cfg, threads);
            gate.install(cfg);
            routes.install(cfg);
            internal.install(cfg);
            probes.install(cfg);
            dashboard.install(cfg);
        });
        try {
            server.start();
        } catch (RuntimeException e) {
            server.stop();
            throw new IllegalStateException("the query API could not start on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        app = server;
        LOG.info("Query API listening on {}:{} (advertised to other instances as {}); {}", settings.host(), port(),
                Router.name(settings.advertised()), gate.required()
                        ? "every route but /healthz and /readyz requires the read token" : "no read token required");
    }

    private void configure(JavalinConfig cfg, QueuedThreadPool threads) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.startup.startupWatcherEnabled = false;
        cfg.jetty.host = settings.host();
        cfg.jetty.port = settings.port();
        cfg.jetty.threadPool = threads;
        cfg.http.prefer405over404 = true;
        QueryErrors.RESPONSES.install(cfg);
    }

    /** The bound HTTP port: the configured one, or the one chosen for port 0. */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("the query API is not running");
        }
        return app.port();
    }

    /** Stops answering. Safe to call twice. */
    @Override
    public synchronized void close() {
        closed = true;
        if (app != null) {
            try {
                app.stop();
            } catch (RuntimeException e) {
                LOG.warn("Could not stop the query API cleanly", e);
            }
            app = null;
        }
    }
}
