package org.hbew.indicators.bench;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Reports with known figures, for the tests of the pure parts. */
final class ReportFixtures {

    private ReportFixtures() {
    }

    static BenchReport.GatewayResult gateway(int clients, int batchSize, double rate) {
        return new BenchReport.GatewayResult(clients, batchSize, 200_000, 200_000 / batchSize, 200_000 / rate, rate,
                new BenchReport.Latencies(400, 12.5, 48.25, 90.0), 0, 0, BASELINE, rate / 80_000, 0.5, 1.5);
    }

    static final BenchReport.ProducerResult BASELINE = new BenchReport.ProducerResult(200_000, 2.5, 80_000, 0, 0.4,
            0.6);

    /** B0 at {@code rate} records/s, read back at twice that. */
    static BenchReport.BaselineResult b0(double rate) {
        return new BenchReport.BaselineResult(BaselineRun.TOPIC, 412.5, 88,
                new BenchReport.ProducerPerformanceFigures(1_000_000, rate, rate * 412.5 / (1024 * 1024), 20.5, 310,
                        18, 60, 95, 250),
                new BenchReport.ConsumerFigures(1_200_000, 1_200_000 / (2 * rate), 2 * rate, 150.0), 1.1, 1.4);
    }

    static BenchReport.ProcessorsResult processors(String guarantee, double rate) {
        return new BenchReport.ProcessorsResult(guarantee, 1, 680_000, 6.0, 680_000 / rate, rate, onCpuAllTheTime(rate),
                new BenchReport.Accounting(680_000, 666_000, 6_800, 3_400, 3_800), true, rate / 24_000, 1.0, 1.8);
    }

    static BenchReport.PlainJobResult plainJob(double rate) {
        return new BenchReport.PlainJobResult(680_000, 4.0, 680_000 / rate, rate, onCpuAllTheTime(rate), true, 1.2,
                1.3);
    }

    /** The CPU per event of a thread that was never off the CPU: a second divided by the rate, in µs. */
    static double onCpuAllTheTime(double rate) {
        return 1_000_000 / rate;
    }

    static BenchReport.LatencyResult latency(double p99Ms, long missing) {
        return new BenchReport.LatencyResult(10_000, 20, 5, 200_000,
                new BenchReport.Latencies(150_000, p99Ms / 2, p99Ms, p99Ms * 2), missing, 1.5, 1.7);
    }

    static BenchReport.MemoryResult memory(long distinctEvents, long peakRss) {
        return new BenchReport.MemoryResult("-Xmx768m", distinctEvents, distinctEvents + 10_000, 95.5, true,
                peakRss - 64L * 1024 * 1024, peakRss,
                new BenchReport.Accounting(distinctEvents + 10_000, distinctEvents - 5_000, 10_000, 5_000, 0));
    }

    static BenchReport.StandaloneResult standalone(double readySeconds, long peakRss, double stopSeconds) {
        BenchReport.StandaloneStart first = new BenchReport.StandaloneStart(readySeconds, readySeconds - 2,
                peakRss - 1024L * 1024, peakRss, stopSeconds, 143, false);
        BenchReport.StandaloneStart restart = new BenchReport.StandaloneStart(readySeconds - 3, readySeconds - 5,
                400L * 1024 * 1024, 420L * 1024 * 1024, 2.0, 143, false);
        return new BenchReport.StandaloneResult("-Xmx1g", first,
                new BenchReport.LoadFigures(4, 500, 150_000, 10.0, 15_000, 0, 4.5), restart);
    }

    static BenchSettings settings() {
        return new BenchSettings(200_000, 40_000, List.of(100, 500), List.of(4), 4, 1, 7, 10, "-Xmx1g", 1_000_000,
                20, 1_000_000, Set.of());
    }

    /**
     * Every phase, every goal met: processors at 0.5 of B0 (200,000 of 400,000), 0.8 of the plain job (250,000) and
     * 0.8 of themselves under at_least_once (250,000), p99 300 ms, 1 GiB after 1,000,000 distinct events.
     */
    static BenchReport full() {
        return report(b0(400_000), plainJob(250_000), processors("exactly_once_v2", 200_000),
                processors("at_least_once", 250_000), latency(300, 0), memory(1_000_000, 1024L * 1024 * 1024),
                standalone(12.0, 1024L * 1024 * 1024, 3.0));
    }

    static final BenchReport.Cluster EMBEDDED = BenchReport.Cluster.embedded("127.0.0.1:40000");

    static BenchReport report(BenchReport.BaselineResult b0, BenchReport.PlainJobResult plainJob,
                              BenchReport.ProcessorsResult eos, BenchReport.ProcessorsResult alos,
                              BenchReport.LatencyResult latency, BenchReport.MemoryResult memory,
                              BenchReport.StandaloneResult standalone) {
        return report(EMBEDDED, b0, plainJob, eos, alos, latency, memory, standalone);
    }

    static BenchReport report(BenchReport.Cluster cluster, BenchReport.BaselineResult b0,
                              BenchReport.PlainJobResult plainJob, BenchReport.ProcessorsResult eos,
                              BenchReport.ProcessorsResult alos, BenchReport.LatencyResult latency,
                              BenchReport.MemoryResult memory, BenchReport.StandaloneResult standalone) {
        return BenchReport.of(Instant.parse("2024-09-01T08:00:00Z"),
                new BenchReport.Machine(2, "OpenJDK 17", "Linux", "", 0.4, 1.9), cluster, settings(),
                List.of(gateway(4, 100, 16_000), gateway(4, 500, 24_000)), b0, plainJob, eos, alos, latency, memory,
                standalone);
    }
}
