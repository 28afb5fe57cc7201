package org.hbew.indicators.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One benchmark run, phase after phase, so no phase competes with another for the two cores. First a warm-up
 * through the raw producer and the gateway: the JIT, and the broker's own code, take a few hundred thousand
 * records to settle, and until then every rate climbs from run to run. Then, for each gateway configuration,
 * the raw producer is measured right before the gateway, so the pair sees the same neighbours on a shared
 * machine and their ratio holds even when the absolute rates swing. Then B0, the broker's own limit, and, over
 * the records the gateway phases left on hbew.events.raw, the processors under exactly_once_v2 (then loaded
 * for the latency), under at_least_once, and the plain Kafka Streams job: in that order, so that whatever the JIT
 * still has to learn counts against the processors in every ratio. Then the processors' memory in a child JVM,
 * and last, with everything in-process closed, the standalone child. All of it in a temporary directory that is
 * removed at the end.
 *
 * <p>Against an external cluster the same phases run with the operator's client settings on every client, except
 * standalone, which starts a broker of its own; what the run created on the cluster is removed at the end.
 */
public final class Benchmark {

    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);
    /** Generated events the latency phase copies; a few thousand cover every plain indicator and city. */
    private static final int LATENCY_TEMPLATES = 5_000;
    private static final int TOP_UP_CHUNK = 100_000;

    private final BenchSettings settings;
    private final Optional<ExternalCluster> external;
    private final Catalog catalog;
    private final Path reportDir;

    /**
     * @param external  the cluster to run against; empty for a broker of the benchmark's own
     * @param reportDir where the child JVMs' logs go, next to the reports
     */
    public Benchmark(BenchSettings settings, Optional<ExternalCluster> external, Catalog catalog, Path reportDir) {
        this.settings = settings;
        this.external = external;
        this.catalog = catalog;
        this.reportDir = reportDir;
    }

    public BenchReport run() throws InterruptedException {
        Instant startedAt = Instant.now();
        Double loadBefore = ProcFiles.loadAverage();
        try (BenchWorkspace workspace = new BenchWorkspace()) {
            EventSets events = new EventSets(catalog, settings.seed(), Clock.systemUTC());
            // Payloads of B0 and the latency phase's templates: never written to hbew.events.raw as they are.
            EventSets samples = new EventSets(catalog, ~settings.seed(), Clock.systemUTC());
            List<BenchReport.GatewayResult> gateway;
            BenchReport.BaselineResult baseline = null;
            BenchReport.ProcessorsResult processors = null;
            BenchReport.LatencyResult latency = null;
            BenchReport.ProcessorsResult alos = null;
            BenchReport.PlainJobResult plainJob = null;
            BenchReport.MemoryResult memory = null;
            InProcessStack stack = startStack(workspace.dir().resolve("in-process"));
            try (stack) {
                gateway = producerAndGateway(stack, events);
                if (!settings.skips(BenchPhase.BASELINE)) {
                    log.info("B0: the broker's own limit");
                    baseline = new BaselineRun(stack, catalog.items().size() * catalog.cityCodes().size())
                            .run(samples.next(BaselineRun.PAYLOADS), settings.baselineRecords());
                }
                Map<TopicPartition, Long> rawEnd = stack.rawEndOffsets();
                Double gatewayRate = BenchReport.fastest(gateway).eventsPerSecond();
                if (!settings.skips(BenchPhase.PROCESSORS) || !settings.skips(BenchPhase.ALOS)) {
                    log.info("Warming up the processors: an untimed instance works off the {} records so far",
                            Offsets.total(rawEnd));
                    try (ProcessorsRun warmUp = ProcessorsRun.warmUp(stack, catalog, settings.streamThreads())) {
                        warmUp.workOff(rawEnd, null);
                    }
                }
                ProcessorsRun exactlyOnce = null;
                try {
                    if (!settings.skips(BenchPhase.PROCESSORS)) {
                        log.info("Processors under exactly_once_v2 on the {} records so far", Offsets.total(rawEnd));
                        exactlyOnce = processorsRun(stack, StreamsConfig.EXACTLY_ONCE_V2);
                        processors = exactlyOnce.workOff(rawEnd, gatewayRate);
                    }
                    if (!settings.skips(BenchPhase.ALOS)) {
                        log.info("Processors under at_least_once on the same records");
                        try (ProcessorsRun run = processorsRun(stack, StreamsConfig.AT_LEAST_ONCE)) {
                            alos = run.workOff(rawEnd, gatewayRate);
                        }
                    }
                    if (!settings.skips(BenchPhase.PLAIN)) {
                        log.info("The plain Kafka Streams job on the same records");
                        plainJob = new PlainJobRun(stack, settings.partitions()).run(rawEnd);
                    }
                    // After the three rates, so that all of them work off the same records under the same conditions
                    // (the events this phase adds would lie behind them), and on the exactly-once instance, which has
                    // waited idle and warm meanwhile.
                    if (exactlyOnce != null && !settings.skips(BenchPhase.LATENCY) && processors.eventsPerSecond() > 0) {
                        latency = latency(stack, samples, processors.eventsPerSecond() / 2);
                    }
                } finally {
                    if (exactlyOnce != null) {
                        exactlyOnce.close();
                    }
                }
                if (!settings.skips(BenchPhase.MEMORY)) {
                    long distinct = topUp(stack, events, latency == null ? 0 : latency.sent());
                    memory = new MemoryRun(stack, workspace, settings, reportDir).run(distinct);
                }
            }
            BenchReport.Cluster cluster = stack.description();
            BenchReport.StandaloneResult standalone = null;
            if (!settings.skips(BenchPhase.STANDALONE) && external.isEmpty()) {
                log.info("Standalone as a child JVM");
                BenchReport.GatewayResult best = BenchReport.fastest(gateway);
                standalone = new StandaloneRun(workspace, events, settings, reportDir)
                        .run(best.clients(), best.batchSize());
            }
            return BenchReport.of(startedAt, machine(loadBefore), cluster, settings, gateway, baseline, plainJob,
                    processors, alos, latency, memory, standalone);
        }
    }

    private InProcessStack startStack(Path dir) {
        if (external.isEmpty()) {
            return InProcessStack.start(dir, settings.partitions(), catalog);
        }
        log.info("Running against the external cluster at {}", external.get().bootstrapServers());
        return InProcessStack.onExternal(dir, settings.partitions(), catalog, external.get());
    }

    /** The raw producer, then the gateway, for each configuration. */
    private List<BenchReport.GatewayResult> producerAndGateway(InProcessStack stack, EventSets events)
            throws InterruptedException {
        List<BenchReport.GatewayResult> results = new ArrayList<>();
        try (RawProducerRun producer = new RawProducerRun(stack.gatewayProducerConfig());
             GatewayRun gateway = new GatewayRun(stack, catalog, events, settings)) {
            log.info("Warming up: {} events through the raw producer, as many through the gateway",
                    settings.warmupEvents());
            producer.sendUntimed(events.next(settings.warmupEvents()));
            gateway.warmUp(settings.clients().get(0), settings.batchSizes().get(0), settings.warmupEvents());
            for (int clients : settings.clients()) {
                for (int batchSize : settings.batchSizes()) {
                    log.info("Raw producer, then the gateway with {} clients and batches of {}", clients, batchSize);
                    BenchReport.ProducerResult baseline = producer.measure(events.next(settings.events()));
                    results.add(gateway.measure(clients, batchSize, baseline));
                }
            }
        }
        return results;
    }

    private ProcessorsRun processorsRun(InProcessStack stack, String guarantee) throws InterruptedException {
        return ProcessorsRun.start(stack, catalog, settings.streamThreads(), guarantee);
    }

    private BenchReport.LatencyResult latency(InProcessStack stack, EventSets samples, double rate)
            throws InterruptedException {
        List<EventEnvelope> templates = samples.next(LATENCY_TEMPLATES).stream()
                .filter(e -> e.flow().isEmpty())
                .toList();
        return new LatencyRun(stack, TopologySettings.defaults(settings.partitions()).smallestWindow())
                .run(templates, rate, Duration.ofSeconds(settings.latencySeconds()),
                        Duration.ofMillis(Math.round(settings.latencyWarmupSeconds() * 1000)));
    }

    /**
     * Adds fresh events to hbew.events.raw, untimed, until it holds the memory phase's number of distinct events;
     * returns how many it holds by this count.
     *
     * @param latencyEvents the latency phase's events, each distinct too
     */
    private long topUp(InProcessStack stack, EventSets events, long latencyEvents) throws InterruptedException {
        long target = settings.memoryEvents();
        if (events.distinct() + latencyEvents < target) {
            log.info("Adding events to hbew.events.raw until it holds {} distinct ones", target);
            try (RawProducerRun producer = new RawProducerRun(stack.gatewayProducerConfig())) {
                while (events.distinct() + latencyEvents < target) {
                    long missing = target - events.distinct() - latencyEvents;
                    producer.sendUntimed(events.next((int) Math.min(TOP_UP_CHUNK, missing)));
                }
            }
        }
        return events.distinct() + latencyEvents;
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
