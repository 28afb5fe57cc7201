package org.hbew.indicators.bench;

import java.net.URI;
import java.util.List;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.ingest.IngestConfig;
import org.hbew.indicators.ingest.IngestGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 2: the real {@link IngestGateway}, with its default limits, on a free loopback port in front of the
 * benchmark's broker, loaded over HTTP by {@link HttpLoad}. After the run's warm-up ({@link #warmUp}), each
 * measurement (clients × batch size) first posts a tenth of its events untimed, to settle the connections and
 * the producer's batching at the new batch size, then the measured ones. Every post carries fresh events, so
 * nothing the processors later read is a duplicate of another phase's.
 */
final class GatewayRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GatewayRun.class);
    private static final int SETTLE_SHARE = 10;

    private final InProcessStack stack;
    private final EventSets events;
    private final BenchSettings settings;
    private final IngestGateway gateway;
    private final HttpLoad load;

    /** Starts the gateway. */
    GatewayRun(InProcessStack stack, Catalog catalog, EventSets events, BenchSettings settings) {
        this.stack = stack;
        this.events = events;
        this.settings = settings;
        IngestConfig config = IngestConfig.builder(stack.bootstrapServers(), stack.tokens())
                .host("127.0.0.1")
                .port(0)
                .producerOverrides(stack.clientSettings().asMap())
                .build();
        this.gateway = new IngestGateway(config, catalog);
        gateway.start();
        this.load = new HttpLoad(URI.create("http://127.0.0.1:" + gateway.port()));
    }

    /** Posts events untimed, so the JIT has compiled the gateway's code before anything is measured. */
    void warmUp(int clients, int batchSize, int count) throws InterruptedException {
        if (count > 0) {
            requireAccepted(load.run(PostBatch.of(events.next(count), batchSize, stack.cityTokens()), clients, null),
                    "warm-up");
        }
    }

    /**
     * @param baseline the raw producer measured just before, the denominator of the ratio
     */
    BenchReport.GatewayResult measure(int clients, int batchSize, BenchReport.ProducerResult baseline)
            throws InterruptedException {
        warmUp(clients, batchSize, settings.events() / SETTLE_SHARE);
        List<PostBatch> batches = PostBatch.of(events.next(settings.events()), batchSize, stack.cityTokens());
        Double loadBefore = ProcFiles.loadAverage();
        HttpLoad.Result result = load.run(batches, clients, null);
        requireAccepted(result, "measured run");
        double rate = Rates.perSecond(result.accepted(), result.nanos());
        log.info("Gateway, {} clients, batches of {}: {} events in {} ms, p99 {} ms", clients, batchSize,
                result.accepted(), result.nanos() / 1_000_000, Math.round(result.latency().p99Ms()));
        return new BenchReport.GatewayResult(clients, batchSize, result.accepted(), result.requests(),
                Rates.seconds(result.nanos()), rate, result.latency(), result.retries(), result.failed(), baseline,
                Rates.ratio(rate, baseline.eventsPerSecond()), loadBefore, ProcFiles.loadAverage());
    }

    /** Stops the gateway, letting requests in flight finish. */
    @Override
    public void close() {
        gateway.close();
    }

    /** A gateway that accepts nothing has no rate worth reporting: that is a broken run, not a slow one. */
    private static void requireAccepted(HttpLoad.Result result, String what) {
        if (result.accepted() == 0) {
            throw new IllegalStateException("the gateway accepted no event in the " + what
                    + "; see the warnings above");
        }
    }
}
