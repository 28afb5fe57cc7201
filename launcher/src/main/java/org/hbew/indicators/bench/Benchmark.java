package org.hbew.indicators.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hbew.indicators.catalog.Catalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run, phase after phase, so no phase competes with another for the two cores. First a warm-up
 * through the raw producer and the gateway: the JIT, and the broker's own code, take a few hundred thousand
 * records to settle, and until then every rate climbs from run to run. Then, for each gateway configuration,
 * the raw producer is measured right before the gateway, so the pair sees the same neighbours on
 * a shared machine and their ratio holds even when the absolute rates swing. Then the processors work off
 * everything written, and last, with everything in-process closed, the standalone child runs. All of it in a
 * temporary directory that is removed at the end.
 */
final class Benchmark {

    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);

    private final BenchSettings settings;
    private final Catalog catalog;
    private final Path reportDir;

    /**
     * @param reportDir where the standalone children's logs go, next to the reports
     */
    Benchmark(BenchSettings settings, Catalog catalog, Path reportDir) {
        this.settings = settings;
        this.catalog = catalog;
        this.reportDir = reportDir;
    }

    BenchReport run() throws InterruptedException {
        Instant startedAt = Instant.now();
        Double loadBefore = ProcFiles.loadAverage();
        try (BenchWorkspace workspace = new BenchWorkspace()) {
            EventSets events = new EventSets(catalog, settings.seed(), Clock.systemUTC());
            List<BenchReport.GatewayResult> gateway;
            BenchReport.ProcessorsResult processors = null;
            try (InProcessStack stack = InProcessStack.start(workspace.dir().resolve("in-process"),
                    settings.partitions(), catalog)) {
                gateway = producerAndGateway(stack, events);
                if (!settings.skipProcessors()) {
                    log.info("Phase 3 of 4: processors on everything written so far");
                    processors = new ProcessorsRun(stack, catalog, settings.partitions(), settings.streamThreads())
                            .run(BenchReport.fastest(gateway).eventsPerSecond());
                }
            }
            BenchReport.StandaloneResult standalone = null;
            if (!settings.skipStandalone()) {
                log.info("Phase 4 of 4: standalone as a child JVM");
                BenchReport.GatewayResult best = BenchReport.fastest(gateway);
                standalone = new StandaloneRun(workspace, events, settings, reportDir)
                        .run(best.clients(), best.batchSize());
            }
            return new BenchReport(startedAt, machine(loadBefore), settings, gateway, processors, standalone,
                    Goals.check(BenchReport.fastest(gateway), standalone));
        }
    }

    /** Phases 1 and 2, in pairs: the raw producer, then the gateway, for each configuration. */
    private List<BenchReport.GatewayResult> producerAndGateway(InProcessStack stack, EventSets events)
            throws InterruptedException {
        List<BenchReport.GatewayResult> results = new ArrayList<>();
        try (RawProducerRun producer = new RawProducerRun(stack.bootstrapServers());
             GatewayRun gateway = new GatewayRun(stack, catalog, events, settings)) {
            log.info("Warming up: {} events through the raw producer, as many through the gateway",
                    settings.warmupEvents());
            producer.warmUp(events.next(settings.warmupEvents()));
            gateway.warmUp(settings.clients().get(0), settings.batchSizes().get(0), settings.warmupEvents());
            for (int clients : settings.clients()) {
                for (int batchSize : settings.batchSizes()) {
                    log.info("Phases 1 and 2 of 4: raw producer, then the gateway with {} clients and batches of {}",
                            clients, batchSize);
                    BenchReport.ProducerResult baseline = producer.measure(events.next(settings.events()));
                    results.add(gateway.measure(clients, batchSize, baseline));
                }
            }
        }
        return results;
    }

    private static BenchReport.Machine machine(Double loadBefore) {
        return new BenchReport.Machine(Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()),
                loadBefore, ProcFiles.loadAverage());
    }
}
