package org.hbew.indicators.bench;

import java.time.Instant;
import java.util.List;

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

    static BenchReport.StandaloneResult standalone(double readySeconds, long peakRss, double stopSeconds) {
        BenchReport.StandaloneStart first = new BenchReport.StandaloneStart(readySeconds, readySeconds - 2,
                peakRss - 1024L * 1024, peakRss, stopSeconds, 143, false);
        BenchReport.StandaloneStart restart = new BenchReport.StandaloneStart(readySeconds - 3, readySeconds - 5,
                400L * 1024 * 1024, 420L * 1024 * 1024, 2.0, 143, false);
        return new BenchReport.StandaloneResult("-Xmx1g", first,
                new BenchReport.LoadFigures(4, 500, 150_000, 10.0, 15_000, 0, 4.5), restart);
    }

    static BenchReport full() {
        BenchSettings settings = new BenchSettings(200_000, 40_000, List.of(100, 500), List.of(4), 4, 1, 7, 10,
                false, false, "-Xmx1g");
        BenchReport.GatewayResult small = gateway(4, 100, 16_000);
        BenchReport.GatewayResult large = gateway(4, 500, 24_000);
        BenchReport.ProcessorsResult processors = new BenchReport.ProcessorsResult(1, 680_000, 6.0, 34.0, 20_000,
                new BenchReport.Accounting(680_000, 666_000, 6_800, 3_400, 3_800), true, 20_000 / 24_000.0, 1.0, 1.8);
        BenchReport.StandaloneResult standalone = standalone(12.0, 1024L * 1024 * 1024, 3.0);
        return new BenchReport(Instant.parse("2024-09-01T08:00:00Z"),
                new BenchReport.Machine(2, "OpenJDK 17", "Linux", "", 0.4, 1.9), settings, List.of(small, large),
                processors, standalone, Goals.check(large, standalone));
    }
}
