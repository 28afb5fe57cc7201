package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProducerPerformanceSummaryTest {

    @Test
    void shouldTakeTheSteadyStateSummaryOverTheTotal() {
        String output = """
                Reading payloads from: /tmp/hbew-bench-1/b0-payloads.ndjson
                Number of messages read: 10000
                Warmup first 200000 records. Steady state results will print after the complete test summary.
                612345 records sent, 122469.0 records/sec (48.17 MB/sec), 41.2 ms avg latency, 402.0 ms max latency.
                1200000 records sent, 240000.000000 records/sec (94.41 MB/sec), 30.12 ms avg latency, 402.00 ms max \
                latency, 25 ms 50th, 80 ms 95th, 120 ms 99th, 300 ms 99.9th.
                1000000 steady state records sent, 263157.894737 records/sec (103.52 MB/sec), 28.50 ms avg latency, \
                390.00 ms max latency, 24 ms 50th, 75 ms 95th, 110 ms 99th, 280 ms 99.9th.
                """;

        assertThat(ProducerPerformanceSummary.parse(output)).contains(new BenchReport.ProducerPerformanceFigures(
                1_000_000, 263157.894737, 103.52, 28.5, 390, 24, 75, 110, 280));
    }

    @Test
    void shouldTakeTheTotalWithoutAWarmUpAndReadDecimalCommas() {
        String output = "1000 records sent, 5000,5 records/sec (1,95 MB/sec), 3,25 ms avg latency, 9,00 ms max latency,"
                + " 3 ms 50th, 7 ms 95th, 9 ms 99th, 9 ms 99.9th.\n";

        assertThat(ProducerPerformanceSummary.parse(output)).contains(new BenchReport.ProducerPerformanceFigures(
                1_000, 5000.5, 1.95, 3.25, 9, 3, 7, 9, 9));
    }

    @Test
    void shouldFindNothingInProgressLinesAlone() {
        assertThat(ProducerPerformanceSummary.parse("612345 records sent, 122469.0 records/sec (48.17 MB/sec), "
                + "41.2 ms avg latency, 402.0 ms max latency.\n")).isEmpty();
    }
}
