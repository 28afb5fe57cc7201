package org.hbew.indicators.bench;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one {@code ./hbew bench} run measured, as written to the JSON report and read back by the tests.
 * Sections that were skipped are null (and left out of the JSON).
 *
 * @param cluster    the Kafka it ran against: the embedded broker or an external cluster
 * @param gateway    one measurement per (clients, batch size) configuration, in the order they ran, each with the
 *                   raw-producer baseline measured just before it
 * @param baseline   B0, the broker's own limit, which the processors and their peer are judged against
 * @param plainJob   the plain Kafka Streams job over the same raw records as the processors
 * @param processors the processors under exactly_once_v2, as standalone runs them
 * @param alos       the same topology under at_least_once over the same records
 * @param ratios     the ratios between those, computed once here so the report and the goals agree
 */
public record BenchReport(
        Instant startedAt,
        Machine machine,
        Cluster cluster,
        BenchSettings settings,
        List<GatewayResult> gateway,
        BaselineResult baseline,
        PlainJobResult plainJob,
        ProcessorsResult processors,
        ProcessorsResult alos,
        LatencyResult latency,
        MemoryResult memory,
        StandaloneResult standalone,
        Ratios ratios,
        List<GoalCheck> goals) {

    public BenchReport {
        gateway = List.copyOf(gateway);
        goals = List.copyOf(goals);
    }

    /** A report of these sections, with their ratios and the goals judged on them. */
    static BenchReport of(Instant startedAt, Machine machine, Cluster cluster, BenchSettings settings,
                          List<GatewayResult> gateway, BaselineResult baseline, PlainJobResult plainJob,
                          ProcessorsResult processors, ProcessorsResult alos, LatencyResult latency,
                          MemoryResult memory, StandaloneResult standalone) {
        BenchReport unjudged = new BenchReport(startedAt, machine, cluster, settings, gateway, baseline, plainJob,
                processors, alos, latency, memory, standalone,
                Ratios.of(baseline, plainJob, processors, alos, fastest(gateway)), List.of());
        return new BenchReport(startedAt, machine, cluster, settings, gateway, baseline, plainJob, processors, alos,
                latency, memory, standalone, unjudged.ratios(), Goals.check(unjudged));
    }

    /** The fastest gateway configuration: the one the gateway goal is judged on. */
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
     * The Kafka the run measured against. Against an external cluster the broker's figures (B0 above all) are that
     * cluster's over the network from this machine, and the standalone phase, which starts a broker of its own on
     * this machine, is not run.
     *
     * @param external          false for the benchmark's own embedded broker (one KRaft node, PLAINTEXT, loopback)
     * @param settings          the operator's client settings by name, secret values as {@code [hidden]}; none for
     *                          the embedded broker
     * @param replicationFactor of the topics the benchmark created; null where the brokers' default decided
     * @param leftBehind        what the benchmark created on an external cluster and could not remove, each with
     *                          the reason; empty when it removed everything
     */
    public record Cluster(boolean external, String bootstrapServers, Map<String, String> settings,
                          Integer replicationFactor, List<String> leftBehind) {

        public Cluster {
            settings = Collections.unmodifiableMap(new TreeMap<>(settings));
            leftBehind = List.copyOf(leftBehind);
        }

        static Cluster embedded(String bootstrapServers) {
            return new Cluster(false, bootstrapServers, Map.of(), 1, List.of());
        }

        static Cluster external(ExternalCluster cluster) {
            return new Cluster(true, cluster.bootstrapServers(), cluster.visibleSettings(),
                    cluster.replicationFactor() == ExternalCluster.BROKER_DEFAULT_REPLICATION ? null
                            : (int) cluster.replicationFactor(), List.of());
        }

        Cluster withLeftBehind(List<String> left) {
            return new Cluster(external, bootstrapServers, settings, replicationFactor, left);
        }
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

    /** Latencies in milliseconds. */
    public record Latencies(long count, double p50Ms, double p99Ms, double maxMs) {
    }

    /**
     * B0: Kafka's own ProducerPerformance, with the gateway's producer settings, to a topic of its own laid out
     * like hbew.events.raw, then one consumer reading that topic from the start to its end offsets.
     *
     * @param meanRecordBytes the mean size of the payloads it sent: generated envelopes, as the gateway writes them
     * @param keys            distinct keys, spread at random like the item:city keys of hbew.events.raw
     * @param producer        the tool's own summary of the measured records (its warm-up left out)
     */
    public record BaselineResult(String topic, double meanRecordBytes, int keys, ProducerPerformanceFigures producer,
                                 ConsumerFigures consumer, Double loadBefore, Double loadAfter) {
    }

    /** ProducerPerformance's summary line; its latencies are from send to acknowledgement. */
    public record ProducerPerformanceFigures(long records, double recordsPerSecond, double megabytesPerSecond,
                                             double averageLatencyMs, double maxLatencyMs, long p50Ms, long p95Ms,
                                             long p99Ms, long p999Ms) {
    }

    /** One consumer reading a topic from its start to its end offsets; megabytes of keys and values. */
    public record ConsumerFigures(long records, double seconds, double recordsPerSecond, double megabytesPerSecond) {
    }

    /**
     * The plain Kafka Streams job ({@link PlainStreamsJob}) working off the raw records.
     *
     * @param events       records of hbew.events.raw it had to work off
     * @param startSeconds from start until Kafka Streams was RUNNING (not part of the rate)
     * @param seconds      from RUNNING until its committed offsets reached those records' end offsets
     * @param cpuMicrosPerEvent CPU of its stream thread over the same span, per record ({@link StreamThreadCpu})
     * @param finished     false when the wait timed out; the rate then covers what was committed
     */
    public record PlainJobResult(long events, double startSeconds, double seconds, double eventsPerSecond,
                                 Double cpuMicrosPerEvent, boolean finished, Double loadBefore, Double loadAfter) {
    }

    /**
     * One processor instance (RocksDB stores, as standalone configures it) working off the raw records, timed like
     * the plain job: from RUNNING until its committed offsets reach the end offsets.
     *
     * @param guarantee      Kafka Streams' processing.guarantee
     * @param streamThreads  of the instance (standalone runs one)
     * @param events         records of hbew.events.raw it had to work off
     * @param cpuMicrosPerEvent CPU of its stream threads from RUNNING until caught up, per record ({@link StreamThreadCpu})
     * @param accounting     its {@code GET /v1/accounting} once done (it may have read further records by then)
     * @param finished       false when the wait timed out; the rate then covers what was committed
     * @param ratioToGateway this rate divided by the fastest gateway configuration's
     */
    public record ProcessorsResult(String guarantee, int streamThreads, long events, double startSeconds,
                                   double seconds, double eventsPerSecond, Double cpuMicrosPerEvent,
                                   Accounting accounting, boolean finished, Double ratioToGateway, Double loadBefore,
                                   Double loadAfter) {
    }

    /** The processors' {@code GET /v1/accounting} totals at the end of the wait. */
    public record Accounting(long received, long counted, long duplicates, long late, long deadLettered) {

        public boolean balanced() {
            return received == counted + duplicates + late + deadLettered;
        }
    }

    /**
     * End-to-end latency through the exactly_once_v2 instance: fresh events at half its measured rate, each
     * timed from its send until a {@code read_committed} consumer of hbew.indicators.city sees its hourly
     * window's count include it (see {@link LatencyCorrelator}).
     *
     * @param targetEventsPerSecond half the processors' rate
     * @param sent                  events sent, warm-up included
     * @param latency               of the events sent after the warm-up
     * @param missing               events after the warm-up whose count was not seen by the end of the wait
     */
    public record LatencyResult(double targetEventsPerSecond, double seconds, double warmupSeconds, long sent,
                                Latencies latency, long missing, Double loadBefore, Double loadAfter) {
    }

    /**
     * The processors as a child JVM ({@code hbew processors}, exactly_once_v2) working off hbew.events.raw once
     * it holds {@code distinctEvents} distinct events, and its resident memory then.
     *
     * @param records      records on hbew.events.raw, duplicates included
     * @param seconds      from launch until its committed offsets reached the end offsets
     * @param rssBytes     VmRSS once done
     * @param peakRssBytes VmHWM, the high-water mark of resident memory, at the same moment
     */
    public record MemoryResult(String javaOptions, long distinctEvents, long records, double seconds,
                               boolean finished, Long rssBytes, Long peakRssBytes, Accounting accounting) {
    }

    /**
     * The claims of the benchmark, each a ratio of two rates of the same run; null where a side is missing.
     *
     * @param processorsToBaseline     processors (exactly_once_v2) / B0's producer rate
     * @param processorsToPlainJob     processors (exactly_once_v2) / the plain Kafka Streams job
     * @param plainJobToBaseline       the plain job / B0's producer rate
     * @param exactlyOnceToAtLeastOnce processors under exactly_once_v2 / under at_least_once
     * @param processorsToGateway      processors (exactly_once_v2) / the fastest gateway configuration
     * @param cpuPerEventProcessorsToPlainJob stream-thread CPU per event, processors (exactly_once_v2) / plain job:
     *                                 what the processors' extra work costs, little changed by a busy machine
     */
    public record Ratios(Double processorsToBaseline, Double processorsToPlainJob, Double plainJobToBaseline,
                         Double exactlyOnceToAtLeastOnce, Double processorsToGateway,
                         Double cpuPerEventProcessorsToPlainJob) {

        static Ratios of(BaselineResult baseline, PlainJobResult plainJob, ProcessorsResult processors,
                         ProcessorsResult alos, GatewayResult bestGateway) {
            Double b0 = baseline == null ? null : baseline.producer().recordsPerSecond();
            Double plain = plainJob == null ? null : plainJob.eventsPerSecond();
            Double eos = processors == null ? null : processors.eventsPerSecond();
            Double atLeastOnce = alos == null ? null : alos.eventsPerSecond();
            Double gateway = bestGateway == null ? null : bestGateway.eventsPerSecond();
            return new Ratios(Rates.ratio(eos, b0), Rates.ratio(eos, plain), Rates.ratio(plain, b0),
                    Rates.ratio(eos, atLeastOnce), Rates.ratio(eos, gateway),
                    Rates.ratio(processors == null ? null : processors.cpuMicrosPerEvent(),
                            plainJob == null ? null : plainJob.cpuMicrosPerEvent()));
        }
    }

    /**
     * {@code hbew standalone --no-simulate} as a child JVM: first start on an empty data directory (with a load),
     * then a second start on the same directory.
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
