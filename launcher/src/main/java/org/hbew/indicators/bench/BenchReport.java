package org.hbew.indicators.bench;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Everything one {@code ./hbew bench} run measured, as written to the JSON report and read back by the tests.
 * Sections that were skipped are null (and left out of the JSON).
 *
 * @param gateway one measurement per (clients, batch size) configuration, in the order they ran, each with the
 *                raw-producer baseline measured just before it
 */
public record BenchReport(
        Instant startedAt,
        Machine machine,
        BenchSettings settings,
        List<GatewayResult> gateway,
        ProcessorsResult processors,
        StandaloneResult standalone,
        List<GoalCheck> goals) {

    public BenchReport {
        gateway = List.copyOf(gateway);
        goals = List.copyOf(goals);
    }

    /** The fastest gateway configuration: the one the goal and the processors' ratio are judged on. */
    public GatewayResult bestGateway() {
        return fastest(gateway);
    }

    /** The configuration with the highest rate; null for none. */
    static GatewayResult fastest(List<GatewayResult> results) {
        return results.stream().max(Comparator.comparingDouble(GatewayResult::eventsPerSecond)).orElse(null);
    }

    /**
     * Where the run happened. Load averages are the 1-minute figure of {@code /proc/loadavg}; the machine is
     * shared, so they say how much of it others used while we measured.
     */
    public record Machine(int cores, String java, String os, String jvmOptions, Double loadBefore,
                          Double loadAfter) {
    }

    /**
     * Phase 1: a KafkaProducer with the gateway's settings, straight to hbew.events.raw, measured right before
     * each gateway configuration so that both see the same neighbours on the machine.
     */
    public record ProducerResult(long events, double seconds, double eventsPerSecond, long failed,
                                 Double loadBefore, Double loadAfter) {
    }

    /**
     * Phase 2: the real gateway over HTTP, NDJSON batches posted by {@code clients} threads.
     *
     * @param retries          answers 429 or 503 that were retried after their Retry-After
     * @param failed           events of requests answered otherwise than 202 in the end (should be 0)
     * @param baseline         the raw producer, measured just before this configuration
     * @param ratioToProducer  this rate divided by the baseline's
     */
    public record GatewayResult(int clients, int batchSize, long events, long requests, double seconds,
                                double eventsPerSecond, Latencies latency, long retries, long failed,
                                ProducerResult baseline, Double ratioToProducer, Double loadBefore,
                                Double loadAfter) {
    }

    /** Request latencies in milliseconds. */
    public record Latencies(long count, double p50Ms, double p99Ms, double maxMs) {
    }

    /**
     * Phase 3: one processor instance (exactly-once, RocksDB stores) working off everything on hbew.events.raw.
     *
     * @param streamThreads    of the instance (standalone runs one)
     * @param events           records on hbew.events.raw when the processors started
     * @param startSeconds     from start until Kafka Streams was RUNNING (not part of the rate)
     * @param seconds          from RUNNING until the accounting balanced with every record received
     * @param finished         false when the wait timed out; the rate then covers what was processed
     * @param ratioToGateway   this rate divided by the fastest gateway configuration's
     */
    public record ProcessorsResult(int streamThreads, long events, double startSeconds, double seconds,
                                   double eventsPerSecond, Accounting accounting, boolean finished,
                                   Double ratioToGateway, Double loadBefore, Double loadAfter) {
    }

    /** The processors' {@code GET /v1/accounting} totals at the end of the wait. */
    public record Accounting(long received, long counted, long duplicates, long late, long deadLettered) {

        public boolean balanced() {
            return received == counted + duplicates + late + deadLettered;
        }
    }

    /**
     * Phase 4: {@code hbew standalone --no-simulate} as a child JVM: first start on an empty data directory
     * (with a load), then a second start on the same directory.
     */
    public record StandaloneResult(String javaOptions, StandaloneStart first, LoadFigures load,
                                   StandaloneStart restart) {
    }

    /**
     * One start and stop of the child.
     *
     * @param readySeconds         from launching the process to its "Ready in" line
     * @param reportedReadySeconds what that line says (the JVM's own start-up is not in it)
     * @param rssBytes             VmRSS when measured: for the first start once its processors have worked off
     *                             the load (or a minute after it), for the restart when ready
     * @param peakRssBytes         VmHWM, the high-water mark of resident memory, at the same moment
     * @param stopSeconds          from SIGTERM until the process exited
     * @param exitCode             the process's exit code (143 or 137 mean it was killed)
     * @param killed               true if it had to be killed after not stopping in time
     */
    public record StandaloneStart(double readySeconds, Double reportedReadySeconds, Long rssBytes, Long peakRssBytes,
                                  double stopSeconds, int exitCode, boolean killed) {
    }

    /**
     * The load posted to the child between its first start and the memory reading.
     *
     * @param catchUpSeconds from the end of the load until the child's processors had accounted for every
     *                       accepted event; null if they had not within a minute (memory is read then anyway)
     */
    public record LoadFigures(int clients, int batchSize, long events, double seconds, double eventsPerSecond,
                              long failed, Double catchUpSeconds) {
    }

    /** One goal of the issues, and whether this run met it. */
    public record GoalCheck(String goal, String measured, boolean met) {
    }
}
