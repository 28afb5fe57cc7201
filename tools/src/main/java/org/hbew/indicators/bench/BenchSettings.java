package org.hbew.indicators.bench;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one benchmark run does. After {@code warmupEvents} untimed events through the raw producer and as many
 * through the gateway, every gateway configuration (each clients value with each batch size) posts
 * {@code events} events, each right after the raw producer has sent as many. Then the broker baseline, the
 * processors and their peer, and the child JVMs, as docs/benchmarks.md describes.
 *
 * @param partitions      of hbew.events.raw and the other topics, as standalone creates them
 * @param streamThreads   of the processors (standalone runs one); the plain job always runs one
 * @param seed            of the generated events, so runs post the same kind of data
 * @param loadSeconds     how long the standalone child is loaded before its memory is read
 * @param javaOptions     JVM options of the child JVMs, as {@code ./hbew} passes HBEW_JAVA_OPTS
 * @param baselineRecords records ProducerPerformance times for B0, after a fifth as many untimed
 * @param latencySeconds  how long events are sent at half the processors' rate; the first quarter is warm-up
 * @param memoryEvents    distinct events on hbew.events.raw before the processors' child JVM works them off
 * @param skipped         phases left out
 */
public record BenchSettings(
        int events,
        int warmupEvents,
        List<Integer> batchSizes,
        List<Integer> clients,
        int partitions,
        int streamThreads,
        long seed,
        int loadSeconds,
        String javaOptions,
        int baselineRecords,
        int latencySeconds,
        int memoryEvents,
        Set<BenchPhase> skipped) {

    /** A request of ingest may hold at most this many events (IngestConfig's default). */
    static final int MAX_BATCH_SIZE = 5_000;
    /** The defaults of {@code ./hbew bench}: the sizes the goals of issue 9 are judged on. */
    static final int DEFAULT_BASELINE_RECORDS = 1_000_000;
    static final int DEFAULT_LATENCY_SECONDS = 20;
    static final int DEFAULT_MEMORY_EVENTS = 1_000_000;

    public BenchSettings {
        batchSizes = List.copyOf(batchSizes);
        clients = List.copyOf(clients);
        javaOptions = javaOptions == null ? "" : javaOptions.strip();
        skipped = skipped.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(skipped));
        requirePositive(events, "events");
        if (warmupEvents < 0) {
            throw new IllegalArgumentException("warm-up events must not be negative, got " + warmupEvents);
        }
        if (batchSizes.isEmpty() || clients.isEmpty()) {
            throw new IllegalArgumentException("at least one batch size and one clients value are needed");
        }
        batchSizes.forEach(b -> requireBetween(b, 1, MAX_BATCH_SIZE, "batch size"));
        clients.forEach(c -> requireBetween(c, 1, 256, "clients"));
        requirePositive(partitions, "partitions");
        requirePositive(streamThreads, "stream threads");
        requirePositive(loadSeconds, "load seconds");
        requirePositive(baselineRecords, "baseline records");
        requireBetween(latencySeconds, 2, 3_600, "latency seconds");
        requirePositive(memoryEvents, "memory events");
    }

    /** A smoke run of a few seconds per phase: it proves the benchmark works, its figures mean little. */
    public BenchSettings quick() {
        return new BenchSettings(Math.min(events, 3_000), Math.min(warmupEvents, 500), List.of(batchSizes.get(0)),
                List.of(Math.min(clients.get(0), 2)), Math.min(partitions, 2), streamThreads, seed,
                Math.min(loadSeconds, 2), javaOptions, Math.min(baselineRecords, 50_000),
                Math.min(latencySeconds, 4), Math.min(memoryEvents, 20_000), skipped);
    }

    /** Whether the run leaves {@code phase} out; the latency phase needs the processors phase. */
    boolean skips(BenchPhase phase) {
        return skipped.contains(phase)
                || phase == BenchPhase.LATENCY && skipped.contains(BenchPhase.PROCESSORS);
    }

    /** The first quarter of the latency phase, whose events are sent but not recorded. */
    double latencyWarmupSeconds() {
        return latencySeconds / 4.0;
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    private static void requireBetween(int value, int min, int max, String name) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ", got " + value);
        }
    }
}
