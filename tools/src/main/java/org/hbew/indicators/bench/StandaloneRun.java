package org.hbew.indicators.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.ingest.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last phase: {@code hbew standalone --no-simulate} as a child JVM, the way an operator runs it. The first start is
 * on an empty data directory; once ready it takes HTTP load for a few seconds, its processors work that off,
 * and its resident memory is read (VmRSS now, VmHWM the peak so far) before SIGTERM stops it. The second start
 * is on the same directory: the restart time, with its idle memory. Each start's output goes to
 * {@code standalone-<n>.log} in the report directory.
 */
final class StandaloneRun {

    private static final Logger log = LoggerFactory.getLogger(StandaloneRun.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /** Well past the contract's 10 s, so a slow stop is measured rather than cut short. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    private final BenchWorkspace workspace;
    private final EventSets events;
    private final BenchSettings settings;
    private final Path logDir;

    StandaloneRun(BenchWorkspace workspace, EventSets events, BenchSettings settings, Path logDir) {
        this.workspace = workspace;
        this.events = events;
        this.settings = settings;
        this.logDir = logDir;
    }

    /** Loads the first start with {@code clients} threads posting batches of {@code batchSize}. */
    BenchReport.StandaloneResult run(int clients, int batchSize) throws InterruptedException {
        Path dataDir = workspace.dir().resolve("standalone");
        List<EventEnvelope> load = events.next(settings.events());

        StandaloneLaunch first = launch(dataDir);
        BenchReport.LoadFigures figures;
        BenchReport.StandaloneStart firstStart;
        try (ChildJvm child = ChildJvm.launch(first.command(), ChildJvm.STANDALONE_READY,
                logDir.resolve("standalone-1.log"), workspace)) {
            ChildJvm.Ready ready = child.awaitReady(READY_TIMEOUT);
            log.info("Standalone ready after {} ms; loading it for {} s", ready.nanosSinceLaunch() / 1_000_000,
                    settings.loadSeconds());
            figures = load(first, load, clients, batchSize);
            firstStart = stop(child, ready, ProcFiles.memory(child.pid()));
        }

        StandaloneLaunch second = launch(dataDir);
        BenchReport.StandaloneStart restart;
        try (ChildJvm child = ChildJvm.launch(second.command(), ChildJvm.STANDALONE_READY,
                logDir.resolve("standalone-2.log"), workspace)) {
            ChildJvm.Ready ready = child.awaitReady(READY_TIMEOUT);
            log.info("Standalone ready again after {} ms", ready.nanosSinceLaunch() / 1_000_000);
            restart = stop(child, ready, ProcFiles.memory(child.pid()));
        }
        return new BenchReport.StandaloneResult(settings.javaOptions(), firstStart, figures, restart);
    }

    private StandaloneLaunch launch(Path dataDir) {
        List<Integer> ports = FreePorts.distinct(3);
        return new StandaloneLaunch(StandaloneLaunch.currentJavaHome(), settings.javaOptions(),
                StandaloneLaunch.currentClassPath(), dataDir, ports.get(0), ports.get(1), ports.get(2));
    }

    private BenchReport.LoadFigures load(StandaloneLaunch launch, List<EventEnvelope> load, int clients,
                                         int batchSize) throws InterruptedException {
        TokenStore tokens = TokenStore.load(launch.dataDir().resolve("tokens.properties"));
        List<PostBatch> batches = PostBatch.of(load, batchSize, InProcessStack.cityTokens(tokens));
        HttpLoad.Result result = new HttpLoad(URI.create("http://127.0.0.1:" + launch.ingestPort()))
                .run(batches, clients, Duration.ofSeconds(settings.loadSeconds()));
        long loaded = System.nanoTime();
        AccountingProbe probe = new AccountingProbe(URI.create("http://127.0.0.1:" + launch.processorsPort()));
        Double catchUp = awaitProcessed(probe, result.accepted()) ? Rates.seconds(System.nanoTime() - loaded) : null;
        return new BenchReport.LoadFigures(clients, batchSize, result.accepted(), Rates.seconds(result.nanos()),
                Rates.perSecond(result.accepted(), result.nanos()), result.failed(), catchUp);
    }

    private static boolean awaitProcessed(AccountingProbe probe, long accepted) throws InterruptedException {
        long deadline = System.nanoTime() + CATCH_UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<BenchReport.Accounting> reading = probe.read();
            if (reading.isPresent() && reading.get().received() >= accepted && reading.get().balanced()) {
                return true;
            }
            Thread.sleep(POLL.toMillis());
        }
        return false;
    }

    private static BenchReport.StandaloneStart stop(ChildJvm child, ChildJvm.Ready ready,
                                                    ProcFiles.Memory memory) throws InterruptedException {
        ChildJvm.Stopped stopped = child.stop(STOP_TIMEOUT);
        log.info("Standalone stopped {} ms after SIGTERM (exit code {})", stopped.nanos() / 1_000_000,
                stopped.exitCode());
        return new BenchReport.StandaloneStart(Rates.seconds(ready.nanosSinceLaunch()), ready.reportedSeconds(),
                memory == null ? null : memory.rssBytes(), memory == null ? null : memory.peakRssBytes(),
                Rates.seconds(stopped.nanos()), stopped.exitCode(), stopped.killed());
    }
}
