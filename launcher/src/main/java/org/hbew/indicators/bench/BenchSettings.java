package org.hbew.indicators.bench;

import java.util.List;

/**
 * What one benchmark run does. After {@code warmupEvents} untimed events through the raw producer and as many
 * through the gateway, every gateway configuration (each clients value with each batch size) posts
 * {@code events} events, each right after the raw producer has sent as many.
 *
 * @param partitions    of hbew.events.raw and the other topics, as standalone creates them
 * @param streamThreads of the processors (standalone runs one)
 * @param seed          of the generated events, so runs post the same kind of data
 * @param loadSeconds   how long the standalone child is loaded before its memory is read
 * @param javaOptions   JVM options of the standalone child, as {@code ./hbew} passes HBEW_JAVA_OPTS
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
        boolean skipProcessors,
        boolean skipStandalone,
        String javaOptions) {

    /** A request of ingest may hold at most this many events (IngestConfig's default). */
    static final int MAX_BATCH_SIZE = 5_000;

    public BenchSettings {
        batchSizes = List.copyOf(batchSizes);
        clients = List.copyOf(clients);
        javaOptions = javaOptions == null ? "" : javaOptions.strip();
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
    }

    /** A smoke run of a few seconds per phase: it proves the benchmark works, its figures mean little. */
    public BenchSettings quick() {
        return new BenchSettings(Math.min(events, 3_000), Math.min(warmupEvents, 500), List.of(batchSizes.get(0)),
                List.of(Math.min(clients.get(0), 2)), Math.min(partitions, 2), streamThreads, seed,
                Math.min(loadSeconds, 2),
                skipProcessors, skipStandalone, javaOptions);
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
