package org.hbew.indicators.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.hbew.indicators.broker.FreePorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processors' resident memory once they have worked off a given number of distinct events: {@code hbew
 * processors} as a child JVM with the JVM options of {@code ./hbew}, against the benchmark's cluster (with the
 * operator's client settings in an owner-only file, deleted once the child has stopped), with an application id of
 * its own, so it starts from the first record of hbew.events.raw. Once its committed offsets reach the end offsets,
 * VmRSS and VmHWM are read from {@code /proc/<pid>/status} and the child is stopped with SIGTERM. Its output goes
 * to {@code processors-memory.log} in the report directory.
 */
final class MemoryRun {

    static final String APPLICATION_ID = BenchNames.ID_PREFIX + "processors-memory";

    private static final Logger log = LoggerFactory.getLogger(MemoryRun.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final InProcessStack stack;
    private final BenchWorkspace workspace;
    private final BenchSettings settings;
    private final Path logDir;

    MemoryRun(InProcessStack stack, BenchWorkspace workspace, BenchSettings settings, Path logDir) {
        this.stack = stack;
        this.workspace = workspace;
        this.settings = settings;
        this.logDir = logDir;
    }

    /**
     * @param distinctEvents how many distinct events hbew.events.raw holds by the benchmark's own count; the
     *                       child's accounting says it more exactly once it is done, and that is reported
     */
    BenchReport.MemoryResult run(long distinctEvents) throws InterruptedException {
        Map<TopicPartition, Long> end = stack.rawEndOffsets();
        Optional<KafkaConfigFile> clientSettings = stack.clientConfigFile("processors-memory");
        try {
            return run(distinctEvents, end, clientSettings.map(KafkaConfigFile::path));
        } finally {
            clientSettings.ifPresent(KafkaConfigFile::close);
        }
    }

    private BenchReport.MemoryResult run(long distinctEvents, Map<TopicPartition, Long> end,
                                         Optional<Path> clientSettings) throws InterruptedException {
        long records = Offsets.total(end);
        int port = FreePorts.one();
        ProcessorsLaunch launch = new ProcessorsLaunch(StandaloneLaunch.currentJavaHome(), settings.javaOptions(),
                StandaloneLaunch.currentClassPath(), stack.bootstrapServers(), clientSettings, APPLICATION_ID,
                workspace.dir().resolve("processors-memory"), port, settings.streamThreads(),
                stack.replicationFactor());
        log.info("Memory: processors as a child JVM work off {} records ({} distinct events)", records,
                distinctEvents);
        try (ChildJvm child = ChildJvm.launch(launch.command(), ChildJvm.PROCESSORS_READY,
                logDir.resolve("processors-memory.log"), workspace);
             Offsets offsets = stack.offsets()) {
            long launched = System.nanoTime();
            ChildJvm.Ready ready = child.awaitReady(READY_TIMEOUT);
            Offsets.Wait wait = offsets.awaitCommitted(APPLICATION_ID, end,
                    launched + ready.nanosSinceLaunch() + WorkOff.patience(records).toNanos(), WorkOff.POLL);
            ProcFiles.Memory memory = ProcFiles.memory(child.pid());
            BenchReport.Accounting accounting = new AccountingProbe(URI.create("http://127.0.0.1:" + port)).read()
                    .orElse(null);
            ChildJvm.Stopped stopped = child.stop(STOP_TIMEOUT);
            long distinct = accounting == null ? distinctEvents : accounting.received() - accounting.duplicates();
            log.info("Memory: {} of {} records worked off in {} ms; RSS {}, peak {}; stopped (exit code {})",
                    records - wait.behind(), records, (wait.atNanos() - launched) / 1_000_000,
                    memory == null ? "-" : ReportFormatter.bytes(memory.rssBytes()),
                    memory == null ? "-" : ReportFormatter.bytes(memory.peakRssBytes()), stopped.exitCode());
            return new BenchReport.MemoryResult(settings.javaOptions(), distinct, records,
                    Rates.seconds(wait.atNanos() - launched), wait.caughtUp(),
                    memory == null ? null : memory.rssBytes(), memory == null ? null : memory.peakRssBytes(),
                    accounting);
        }
    }
}
