package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    private final LatencyRecorder recorder = new LatencyRecorder();

    @Test
    void shouldGiveMedianAnd99thPercentileInMilliseconds() {
        // Given one request of each duration from 1 ms to 100 ms
        for (int ms = 1; ms <= 100; ms++) {
            recorder.record(TimeUnit.MILLISECONDS.toNanos(ms));
        }

        // When
        BenchReport.Latencies latencies = recorder.summary();

        // Then: within HdrHistogram's three significant digits
        assertThat(latencies.count()).isEqualTo(100);
        assertThat(latencies.p50Ms()).isCloseTo(50, within(0.1));
        assertThat(latencies.p99Ms()).isCloseTo(99, within(0.1));
        assertThat(latencies.maxMs()).isCloseTo(100, within(0.1));
    }

    @Test
    void shouldSeeTheSlowTailThatAnAverageHides() {
        for (int i = 0; i < 98; i++) {
            recorder.record(TimeUnit.MILLISECONDS.toNanos(10));
        }
        recorder.record(TimeUnit.MILLISECONDS.toNanos(2_000));
        recorder.record(TimeUnit.MILLISECONDS.toNanos(2_000));

        BenchReport.Latencies latencies = recorder.summary();

        assertThat(latencies.p50Ms()).isCloseTo(10, within(0.1));
        assertThat(latencies.p99Ms()).isCloseTo(2_000, within(2.0));
    }

    @Test
    void shouldStartANewIntervalAfterEachSummary() {
        recorder.record(TimeUnit.MILLISECONDS.toNanos(5));
        recorder.summary();

        assertThat(recorder.summary().count()).isZero();
    }
}
