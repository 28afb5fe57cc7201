package org.hbew.indicators.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Request latencies of all client threads: each records its requests without locking (HdrHistogram's
 * {@link Recorder}), and {@link #summary()} gives the percentiles in milliseconds with three significant
 * digits, which is finer than the machine's noise.
 */
final class LatencyRecorder {

    private static final int SIGNIFICANT_DIGITS = 3;
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);

    void record(long nanos) {
        recorder.recordValue(Math.max(1, nanos));
    }

    /** The percentiles of everything recorded so far; each call starts a new interval. */
    BenchReport.Latencies summary() {
        Histogram histogram = recorder.getIntervalHistogram();
        return new BenchReport.Latencies(histogram.getTotalCount(),
                millis(histogram.getValueAtPercentile(50)),
                millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()));
    }

    private static double millis(long nanos) {
        return nanos / NANOS_PER_MILLI;
    }
}
