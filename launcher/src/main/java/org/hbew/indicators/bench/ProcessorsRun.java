package org.hbew.indicators.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.StreamsConfig;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.processors.ProcessorsApp;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Phase 3: one processor instance, configured as standalone configures its own (exactly-once v2, RocksDB
 * stores in the benchmark's directory, one stream thread unless told otherwise), works off everything the
 * earlier phases put on hbew.events.raw. Done when the accounting has received every record and placed each
 * one: {@code counted + duplicates + late + deadLettered == received}. The rate counts from RUNNING, so the
 * start-up (group join, store creation) is reported apart.
 */
final class ProcessorsRun {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsRun.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(200);
    /** Generous: on a busy two-core machine a slow run is still a result; a stuck one must end. */
    private static final Duration MIN_WAIT = Duration.ofMinutes(2);
    private static final long SLOWEST_EXPECTED_EVENTS_PER_SECOND = 500;

    private final InProcessStack stack;
    private final Catalog catalog;
    private final int partitions;
    private final int streamThreads;

    ProcessorsRun(InProcessStack stack, Catalog catalog, int partitions, int streamThreads) {
        this.stack = stack;
        this.catalog = catalog;
        this.partitions = partitions;
        this.streamThreads = streamThreads;
    }

    /**
     * @param gatewayRate the fastest gateway configuration's events/s, the denominator of the ratio
     */
    BenchReport.ProcessorsResult run(Double gatewayRate) throws InterruptedException {
        long total = stack.rawRecords();
        Double loadBefore = ProcFiles.loadAverage();
        int port = FreePorts.one();
        ProcessorsConfig config = ProcessorsConfig.defaults(stack.bootstrapServers(), stack.dir().resolve("processors"))
                .withHttpPort(port)
                .withReplicationFactor(1)
                .withTopology(TopologySettings.defaults(partitions))
                .withStreamsOverrides(Map.of(StreamsConfig.NUM_STREAM_THREADS_CONFIG,
                        Integer.toString(streamThreads)));
        long start = System.nanoTime();
        try (ProcessorsApp processors = new ProcessorsApp(config, catalog)) {
            processors.start();
            if (!processors.awaitRunning(START_TIMEOUT)) {
                throw new IllegalStateException("the processors did not reach RUNNING within " + START_TIMEOUT);
            }
            long running = System.nanoTime();
            AccountingProbe probe = new AccountingProbe(URI.create("http://127.0.0.1:" + port));
            Duration wait = MIN_WAIT.plusSeconds(total / SLOWEST_EXPECTED_EVENTS_PER_SECOND);
            BenchReport.Accounting last = awaitBalanced(probe, total, running + wait.toNanos());
            long end = System.nanoTime();
            boolean finished = last != null && last.received() == total && last.balanced();
            long processed = last == null ? 0 : last.received();
            double rate = Rates.perSecond(processed, end - running);
            log.info("Processors: {} of {} records in {} ms after {} ms of start-up{}", processed, total,
                    (end - running) / 1_000_000, (running - start) / 1_000_000, finished ? "" : " (timed out)");
            return new BenchReport.ProcessorsResult(streamThreads, total, Rates.seconds(running - start),
                    Rates.seconds(end - running), rate, last, finished, Rates.ratio(rate, gatewayRate), loadBefore,
                    ProcFiles.loadAverage());
        }
    }

    /** Polls until every record is received and accounted for, or the deadline; returns the last reading. */
    private static BenchReport.Accounting awaitBalanced(AccountingProbe probe, long total, long deadline)
            throws InterruptedException {
        BenchReport.Accounting last = null;
        while (System.nanoTime() < deadline) {
            Optional<BenchReport.Accounting> reading = probe.read();
            if (reading.isPresent()) {
                last = reading.get();
                if (last.received() >= total && last.balanced()) {
                    return last;
                }
            }
            Thread.sleep(POLL.toMillis());
        }
        return last;
    }
}
