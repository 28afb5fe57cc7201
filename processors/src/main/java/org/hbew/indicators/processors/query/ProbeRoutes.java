package org.hbew.indicators.processors.query;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.hbew.indicators.http.ErrorBody;
import org.hbew.indicators.http.JsonResponse;

/**
 * What orchestration and Prometheus ask: {@code /healthz} (the process answers), {@code /readyz} (Kafka
 * Streams is RUNNING, so queries are answered from caught-up stores; otherwise 503 with Retry-After) and
 * {@code /metrics} (this instance's registry in the Prometheus text format).
 */
final class ProbeRoutes {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    /** The body of the probes' successful answers. */
    record Health(String status, String detail) {
    }

    private final KafkaStreams streams;
    private final PrometheusMeterRegistry registry;

    ProbeRoutes(KafkaStreams streams, PrometheusMeterRegistry registry) {
        this.streams = streams;
        this.registry = registry;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get("/healthz", ctx -> JsonResponse.send(ctx, 200, new Health("alive", "the process is up")));
        cfg.routes.get("/readyz", this::ready);
        cfg.routes.get("/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()));
    }

    private void ready(Context ctx) {
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.RUNNING) {
            JsonResponse.send(ctx, 200, new Health("ready", "Kafka Streams is RUNNING"));
        } else {
            ctx.header(Header.RETRY_AFTER, Long.toString(QueryErrors.RETRY_AFTER.toSeconds()));
            JsonResponse.send(ctx, 503, new ErrorBody("not_ready", "Kafka Streams is " + state
                    + ", not RUNNING"));
        }
    }
}
