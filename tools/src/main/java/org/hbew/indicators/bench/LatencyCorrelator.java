package org.hbew.indicators.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Times events end to end by their counts: each latency event is a fresh, valid, on-time event of one
 * (item, city, indicator), so it adds exactly one to the count of its hourly window, and the events of one such
 * key are appended in the order they were sent (one key of hbew.events.raw, one partition, one idempotent
 * producer). So when the figure of a window on hbew.indicators.city shows count c, and the window held b events
 * before the phase began, the first {@code c - b} events sent to it have been counted and committed; each of
 * those not seen before gets the latency {@code seen - sent}.
 *
 * <p>Events sent before {@code recordFrom} (the warm-up) are matched like the others but not recorded. Thread-safe:
 * the sender and the reader of the output call it from their own threads.
 */
final class LatencyCorrelator {

    private static final int SIGNIFICANT_DIGITS = 3;
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    private final Map<String, Long> countsBefore;
    private final long recordFrom;
    private final Map<String, Sent> byKey = new HashMap<>();
    private final Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    private long sent;
    private long seen;
    private long toRecord;

    /**
     * @param countsBefore the count of every city figure (by its key) before the first event was sent; a key
     *                     missing here had no events
     * @param recordFrom   a {@link System#nanoTime()} reading: events sent earlier are the warm-up
     */
    LatencyCorrelator(Map<String, Long> countsBefore, long recordFrom) {
        this.countsBefore = Map.copyOf(countsBefore);
        this.recordFrom = recordFrom;
    }

    /** An event that counts towards the city figure {@code cityKey} is about to be sent. */
    synchronized void sent(String cityKey, long sentNanos) {
        byKey.computeIfAbsent(cityKey, k -> new Sent(countsBefore.getOrDefault(k, 0L))).add(sentNanos);
        sent++;
        if (sentNanos >= recordFrom) {
            toRecord++;
        }
    }

    /** The city figure {@code cityKey} with {@code count} events was read at {@code seenNanos}. */
    synchronized void observed(String cityKey, long count, long seenNanos) {
        Sent events = byKey.get(cityKey);
        if (events == null) {
            return;
        }
        int counted = (int) Math.min(events.size, Math.max(0, count - events.before));
        for (int i = events.seen; i < counted; i++) {
            long sentAt = events.times[i];
            if (sentAt >= recordFrom) {
                histogram.recordValue(Math.max(1, seenNanos - sentAt));
            }
        }
        if (counted > events.seen) {
            seen += counted - events.seen;
            events.seen = counted;
        }
    }

    /** Events sent whose count has not been seen yet, warm-up included. */
    synchronized long unseen() {
        return sent - seen;
    }

    /** Events after the warm-up whose count has not been seen yet. */
    synchronized long missing() {
        return toRecord - histogram.getTotalCount();
    }

    synchronized long sent() {
        return sent;
    }

    /** The latencies recorded so far, in milliseconds. */
    synchronized BenchReport.Latencies summary() {
        return new BenchReport.Latencies(histogram.getTotalCount(),
                millis(histogram.getValueAtPercentile(50)), millis(histogram.getValueAtPercentile(99)),
                millis(histogram.getMaxValue()));
    }

    private static double millis(long nanos) {
        return nanos / NANOS_PER_MILLI;
    }

    /** The send times of one city figure's events, in the order sent, and how many of them were seen counted. */
    private static final class Sent {

        private final long before;
        private long[] times = new long[16];
        private int size;
        private int seen;

        Sent(long before) {
            this.before = before;
        }

        void add(long nanos) {
            if (size == times.length) {
                times = Arrays.copyOf(times, size * 2);
            }
            times[size++] = nanos;
        }
    }
}
