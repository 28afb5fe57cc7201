package org.hbew.indicators.bench;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.StreamsConfig;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.processors.ProcessorsApp;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One processor instance, configured as standalone configures its own (RocksDB stores in the benchmark's
 * directory, one stream thread unless told otherwise) but with the processing guarantee given and an application
 * id of its own, so every instance starts from the first raw record with empty state. It is timed from RUNNING
 * until its committed offsets on hbew.events.raw reach the end offsets it was given, the way the plain job is;
 * the start-up (group join, store creation) is reported apart. It stays up until closed, so the latency phase
 * can load the same warm instance.
 */
final class ProcessorsRun implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsRun.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final InProcessStack stack;
    private final String guarantee;
    private final int streamThreads;
    private final String applicationId;
    private final ProcessorsApp processors;
    private final int port;
    private final long startedAt;
    private final long runningAt;
    private final Long cpuAtRunning;

    private ProcessorsRun(InProcessStack stack, String guarantee, int streamThreads, String applicationId,
                          ProcessorsApp processors, int port, long startedAt, long runningAt) {
        this.stack = stack;
        this.guarantee = guarantee;
        this.streamThreads = streamThreads;
        this.applicationId = applicationId;
        this.processors = processors;
        this.port = port;
        this.startedAt = startedAt;
        this.runningAt = runningAt;
        this.cpuAtRunning = StreamThreadCpu.nanos(applicationId);
    }

    /**
     * Starts an instance with {@code processing.guarantee} set to {@code guarantee} and waits until it is RUNNING.
     *
     * @throws InterruptedException if the benchmark is stopped meanwhile (the instance is closed)
     */
    static ProcessorsRun start(InProcessStack stack, Catalog catalog, int streamThreads, String guarantee)
            throws InterruptedException {
        return start(stack, catalog, streamThreads, guarantee, applicationId(guarantee));
    }

    /**
     * An instance under exactly_once_v2 on an application id of its own, whose run is not reported: it works off
     * the records before the timed instances do, so that they run on code the JIT has compiled already, the one
     * after the other alike (otherwise the first of them pays for the compiling).
     */
    static ProcessorsRun warmUp(InProcessStack stack, Catalog catalog, int streamThreads)
            throws InterruptedException {
        return start(stack, catalog, streamThreads, StreamsConfig.EXACTLY_ONCE_V2, WARM_UP_APPLICATION_ID);
    }

    /** The partitions of hbew.events.raw are asked of the cluster, as the product's processors do. */
    private static ProcessorsRun start(InProcessStack stack, Catalog catalog, int streamThreads, String guarantee,
                                       String applicationId) throws InterruptedException {
        int port = FreePorts.one();
        // The operator's client settings first, then what this phase measures, which they must not change.
        Map<String, String> overrides = new HashMap<>(stack.clientSettings().asMap());
        overrides.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, Integer.toString(streamThreads));
        overrides.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, guarantee);
        ProcessorsConfig config = ProcessorsConfig.builder(stack.bootstrapServers(),
                        stack.dir().resolve(applicationId))
                .applicationId(applicationId)
                .httpPort(port)
                .replicationFactor(stack.replicationFactor())
                .streamsOverrides(overrides)
                .build();
        long start = System.nanoTime();
        ProcessorsApp processors = new ProcessorsApp(config, catalog);
        try {
            processors.start();
            if (!processors.awaitRunning(START_TIMEOUT)) {
                // awaitRunning answers an interrupt with false, which is no reason to blame the start-up.
                if (Thread.interrupted()) {
                    processors.close();
                    throw new InterruptedException("stopped while the processors (" + guarantee + ") started");
                }
                throw new IllegalStateException("the processors (" + guarantee + ") did not reach RUNNING within "
                        + START_TIMEOUT);
            }
        } catch (RuntimeException e) {
            processors.close();
            throw e;
        }
        return new ProcessorsRun(stack, guarantee, streamThreads, applicationId, processors, port, start,
                System.nanoTime());
    }

    static final String WARM_UP_APPLICATION_ID = BenchNames.ID_PREFIX + "processors-warm-up";

    /** A fresh application id per guarantee, so each starts from the first record with empty state. */
    static String applicationId(String guarantee) {
        return BenchNames.ID_PREFIX + "processors-" + guarantee.replace('_', '-');
    }

    /**
     * Waits until the instance has committed up to {@code rawEnd} (records appended after those end offsets are
     * not waited for) and reports its rate from RUNNING.
     *
     * @param gatewayRate the fastest gateway configuration's events/s, for the ratio to it
     */
    BenchReport.ProcessorsResult workOff(Map<TopicPartition, Long> rawEnd, Double gatewayRate)
            throws InterruptedException {
        long total = Offsets.total(rawEnd);
        Double loadBefore = ProcFiles.loadAverage();
        Offsets.Wait wait;
        try (Offsets offsets = stack.offsets()) {
            wait = offsets.awaitCommitted(applicationId, rawEnd, runningAt + WorkOff.patience(total).toNanos(),
                    WorkOff.POLL);
        }
        long worked = total - wait.behind();
        double rate = Rates.perSecond(worked, wait.atNanos() - runningAt);
        BenchReport.Accounting accounting = new AccountingProbe(URI.create("http://127.0.0.1:" + port)).read()
                .orElse(null);
        log.info("Processors {} ({}): {} of {} records in {} ms after {} ms of start-up{}", applicationId, guarantee,
                worked, total, (wait.atNanos() - runningAt) / 1_000_000, (runningAt - startedAt) / 1_000_000,
                wait.caughtUp() ? "" : " (timed out)");
        Double cpuPerEvent = StreamThreadCpu.microsPerEvent(cpuAtRunning, StreamThreadCpu.nanos(applicationId), worked);
        return new BenchReport.ProcessorsResult(guarantee, streamThreads, total, Rates.seconds(runningAt - startedAt),
                Rates.seconds(wait.atNanos() - runningAt), rate, cpuPerEvent, accounting, wait.caughtUp(),
                Rates.ratio(rate, gatewayRate), loadBefore, ProcFiles.loadAverage());
    }

    @Override
    public void close() {
        processors.close();
    }
}
