package org.hbew.indicators.ingest;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.Header;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.http.ErrorBody;
import org.hbew.indicators.http.ReadTokenGate;
import org.hbew.indicators.http.JsonResponse;
import org.hbew.indicators.kafka.KafkaClientProperties;
import org.hbew.indicators.kafka.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP ingest gateway: city systems post indicator events, the gateway checks them against the catalog and
 * writes them to Kafka.
 *
 * <p>In: {@code POST /v1/events} (an event object, a JSON array of them, or NDJSON), authenticated by a bearer
 * token per city (see {@link TokenStore}). Out: topic {@code hbew.events.raw}, key {@code <item>:<city>}, value
 * the event envelope v1 as canonical JSON, timestamp the event's {@code occurredAt}. A request is answered 202
 * only after Kafka acknowledged all its events ({@code acks=all}, idempotent producer). Retried requests do put
 * duplicate eventIds on the topic; the processors remove them, ingest does not try to.
 *
 * <p>One sender cannot starve the others: each token may have a bounded number of requests open at once, a body
 * must arrive within a bounded time, and the HTTP threads are enough for every token's share plus a reserve,
 * so {@code /healthz} and {@code /readyz} answer whatever one token does (see {@link RequestsPerToken},
 * {@link BodyDeadline}).
 *
 * <p>Also {@code GET /healthz} (the process is up), {@code GET /readyz} (Kafka is reachable and the raw topic
 * has leaders) and {@code GET /metrics} (Prometheus text, this gateway's own registry; with a read token
 * configured, only for requests that carry it). With a PKCS12 keystore configured it serves HTTPS only.
 *
 * <p>Start once, close once; {@link #close()} stops taking requests, lets those in flight finish (up to the send
 * timeout), then flushes and closes the producer.
 */
public final class IngestGateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IngestGateway.class);

    /** Answer without the read token: the probes, and the events route, which has tokens of its own. */
    private static final Set<String> OPEN_PATHS = Set.of("/healthz", "/readyz", "/v1/events");
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    private static final int MAX_HTTP_THREADS = 250;
    private static final int MIN_HTTP_THREADS = 8;
    /**
     * Threads no token's requests can take, when every token has its share open: for the probes, metrics, the
     * answers written after Kafka's acknowledgement and refusals that need no body.
     */
    private static final int RESERVED_HTTP_THREADS = 50;
    /** Time for requests in flight at shutdown beyond their send timeout: writing the answer. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(2);

    /** The body of the probes' successful answers. */
    record Health(String status, String detail) {
    }

    private enum State { NEW, RUNNING, CLOSED }

    private final IngestConfig config;
    private final List<String> cities;
    private final EventParser parser;
    private final IngestMetrics metrics;

    private State state = State.NEW;
    private KafkaProducer<String, byte[]> producer;
    private KafkaReadiness readiness;
    private Javalin app;

    public IngestGateway(IngestConfig config, Catalog catalog) {
        this(config, catalog, Clock.systemUTC());
    }

    /**
     * @param clock what the events' time bounds are checked against
     * @throws IllegalArgumentException if a token belongs to neither a catalog city nor {@code admin}
     */
    public IngestGateway(IngestConfig config, Catalog catalog, Clock clock) {
        List<String> strangers = config.tokens().principals().stream()
                .filter(p -> !p.equals(TokenStore.ADMIN) && !p.equals(TokenStore.READER) && catalog.city(p).isEmpty())
                .toList();
        if (!strangers.isEmpty()) {
            throw new IllegalArgumentException("tokens for " + strangers + ", which are neither cities of the catalog "
                    + catalog.cityCodes() + " nor " + TokenStore.ADMIN + " or " + TokenStore.READER);
        }
        this.config = config;
        this.cities = catalog.cityCodes();
        this.parser = new EventParser(catalog, config.validationPolicy(), clock);
        this.metrics = new IngestMetrics(catalog.cityCodes());
    }

    /**
     * Creates the Kafka clients and starts listening; returns when the port is bound.
     *
     * @throws IllegalStateException if already started or closed, or if the server cannot start (port taken);
     *                               whatever was started is closed again
     */
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("an IngestGateway starts once; this one is " + state);
        }
        try {
            producer = new KafkaProducer<>(ProducerSettings.producer(config), Topics.RAW.keySerde().serializer(),
                    Topics.RAW.valueSerde().serializer());
            metrics.bindProducer(producer);
            EventPublisher publisher = new EventPublisher(producer, config.maxInFlightEvents(), config.sendTimeout());
            metrics.gaugeInFlight(publisher::inFlight);
            readiness = new KafkaReadiness(Admin.create(
                    ProducerSettings.admin(config, (int) KafkaReadiness.PROBE_TIMEOUT.toMillis())));

            QueuedThreadPool threads = new QueuedThreadPool(httpThreads(), MIN_HTTP_THREADS);
            threads.setName("hbew-ingest-http");
            EventsHandler events = new EventsHandler(new BearerAuth(config.tokens(), cities),
                    new RequestsPerToken(config.maxConcurrentRequestsPerToken()), parser, publisher, metrics,
                    config, threads);
            app = Javalin.create(cfg -> configure(cfg, threads, events));
            app.start();
        } catch (RuntimeException e) {
            close();
            throw new IllegalStateException("the ingest gateway could not start on " + config.host() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
        state = State.RUNNING;
        log.info("Ingest listening on {}://{}:{}, writing to {} on {}; tokens for {}; /metrics {}; "
                        + "Kafka client settings: {}", config.tls() == null ? "http" : "https", config.host(), port(),
                Topics.RAW.name(), config.bootstrapServers(), config.tokens().principals(),
                config.readToken().isEmpty() ? "open" : "requires the read token",
                KafkaClientProperties.of(config.producerOverrides()).describe());
    }

    /** The bound HTTP port: the configured one, or the one chosen for port 0. */
    public synchronized int port() {
        if (app == null || state == State.CLOSED) {
            throw new IllegalStateException("the gateway is not running");
        }
        return app.port();
    }

    /** Stops HTTP (letting requests in flight finish), flushes and closes the producer. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        if (app != null) {
            runQuietly("stop HTTP", app::stop);
        }
        if (producer != null) {
            runQuietly("close the Kafka producer", () -> producer.close(config.sendTimeout()));
        }
        if (readiness != null) {
            runQuietly("close the readiness probe", readiness::close);
        }
        runQuietly("close the metrics", metrics::close);
    }

    private void configure(JavalinConfig cfg, QueuedThreadPool threads, EventsHandler events) {
        cfg.startup.showJavalinBanner = false;
        cfg.startup.showOldJavalinVersionWarning = false;
        cfg.startup.startupWatcherEnabled = false;
        cfg.jetty.host = config.host();
        cfg.jetty.port = config.port();
        cfg.jetty.threadPool = threads;
        if (config.tls() != null) {
            cfg.jetty.addConnector((server, http) -> httpsConnector(server, http, config.tls()));
        }
        ReadTokenGate.requiring(Optional.of(config.readToken()), OPEN_PATHS, false).install(cfg);
        cfg.jetty.modifyServer(server -> {
            server.insertHandler(new GracefulHandler());
            server.insertHandler(new BodyDeadline.Exposer());
            server.setStopTimeout(config.sendTimeout().plus(SHUTDOWN_GRACE).toMillis());
        });
        cfg.http.maxRequestSize = config.maxBodyBytes();
        cfg.http.prefer405over404 = true;
        cfg.requestLogger.http((ctx, millis) -> {
            if (ctx.method() == HandlerType.POST && "/v1/events".equals(ctx.path())) {
                metrics.recordRequest(ctx.statusCode(), Duration.ofNanos((long) (millis * 1_000_000)));
            }
        });
        IngestErrors.RESPONSES.install(cfg);

        cfg.routes.post("/v1/events", events);
        cfg.routes.get("/healthz", ctx -> JsonResponse.send(ctx, 200, new Health("alive", "the process is up")));
        cfg.routes.get("/readyz", this::ready);
        cfg.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
    }

    /**
     * HTTPS instead of HTTP on the configured address and port (Javalin adds no plain connector when one is given).
     * The SNI host check is off: senders reach the gateway by address or by names its certificate may not list,
     * and their TLS client checks the certificate against the name it used anyway.
     */
    private ServerConnector httpsConnector(Server server, HttpConfiguration http, IngestConfig.TlsKeystore tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStorePath(tls.path().toAbsolutePath().toString());
        ssl.setKeyStorePassword(tls.password());
        ssl.setKeyStoreType("PKCS12");
        HttpConfiguration https = new HttpConfiguration(http);
        https.addCustomizer(new SecureRequestCustomizer(false));
        ServerConnector connector = new ServerConnector(server,
                new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()), new HttpConnectionFactory(https));
        connector.setHost(config.host());
        connector.setPort(config.port());
        return connector;
    }

    /** Enough for every token to have its share of requests open at once and still leave the reserve free. */
    private int httpThreads() {
        int shares = config.tokens().principals().size() * config.maxConcurrentRequestsPerToken();
        return Math.max(MAX_HTTP_THREADS, shares + RESERVED_HTTP_THREADS);
    }

    private void ready(Context ctx) {
        KafkaReadiness.Status status = readiness.check();
        if (status.ready()) {
            JsonResponse.send(ctx, 200, new Health("ready", status.detail()));
        } else {
            ctx.header(Header.RETRY_AFTER, Long.toString(IngestErrors.RETRY_AFTER_UNAVAILABLE.toSeconds()));
            JsonResponse.send(ctx, 503, new ErrorBody("not_ready", status.detail()));
        }
    }

    private static void runQuietly(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            log.warn("Could not {} while closing the ingest gateway", what, e);
        }
    }
}
