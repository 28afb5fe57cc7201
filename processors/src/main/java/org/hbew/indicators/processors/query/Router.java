package org.hbew.indicators.processors.query;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Sends each read to the instance that holds the data, so that any instance answers for every key.
 *
 * <p>The order of preference is the same for a key and for the partitions of a gather: the active copy,
 * read fresh (its stream thread running); then each standby replica, then the active copy again, read
 * stale. A stale read makes the whole answer stale ({@code X-Data-Stale: true}). When nothing can be read
 * (rebalancing with no standby, an instance gone) the read fails with {@link StoreUnavailableException},
 * which the API answers 503 with Retry-After. A partial answer is never given.
 */
final class Router {

    /** Reads one key's partition from one instance. */
    @FunctionalInterface
    interface KeyRead<T> {
        CompletableFuture<Read<T>> read(StoreReader reader, int partition, boolean allowStale);
    }

    /** Reads some partitions of a store from one instance. */
    @FunctionalInterface
    interface PartitionRead<T> {
        CompletableFuture<PartitionAnswer<T>> read(StoreReader reader, Collection<Integer> partitions,
                                                   boolean allowStale);
    }

    private final Placement placement;
    private final Function<HostInfo, StoreReader> readers;
    private final Duration timeout;

    /**
     * @param readers the reader of an instance: the local one for {@link Placement#self()}, remote otherwise
     * @param timeout how long one round of reads may take in all
     */
    Router(Placement placement, Function<HostInfo, StoreReader> readers, Duration timeout) {
        this.placement = placement;
        this.readers = readers;
        this.timeout = timeout;
    }

    /** Reads the partition of {@code store} that holds {@code key}, wherever it is. */
    <T> Read<T> byKey(String store, String key, KeyRead<T> read) {
        Placement.Owners owners = placement.ofKey(store, key);
        List<String> failures = new ArrayList<>();
        for (Attempt attempt : attempts(owners)) {
            try {
                return await(read.read(readers.apply(attempt.host()), owners.partition(), attempt.allowStale()),
                        System.nanoTime() + timeout.toNanos(), attempt.host());
            } catch (StoreUnavailableException e) {
                failures.add(e.getMessage());
            }
        }
        throw new StoreUnavailableException("partition " + owners.partition() + " of " + store + " (key '" + key
                + "') cannot be read now" + because(failures));
    }

    /**
     * Reads the {@code wanted} partitions of a store whose tasks consume {@code topic} (of {@code partitions}
     * partitions), each from one instance, asking each instance once per round for all it holds.
     *
     * @return the data of every wanted partition, by partition
     */
    <T> Read<Map<Integer, T>> byPartitions(String topic, int partitions, Collection<Integer> wanted,
                                           PartitionRead<T> read) {
        Map<Integer, Placement.Owners> owners = placement.ofPartitions(topic, partitions);
        Map<Integer, T> found = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        boolean stale = false;
        for (int round = 0; ; round++) {
            Map<Attempt, List<Integer>> asks = new LinkedHashMap<>();
            for (int p : wanted) {
                Placement.Owners o = owners.get(p);
                List<Attempt> attempts = o == null ? List.of() : attempts(o);
                if (!found.containsKey(p) && round < attempts.size()) {
                    asks.computeIfAbsent(attempts.get(round), a -> new ArrayList<>()).add(p);
                }
            }
            if (asks.isEmpty()) {
                break;
            }
            stale |= collect(asks, read, found, failures);
        }
        List<Integer> missing = wanted.stream().filter(p -> !found.containsKey(p)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new StoreUnavailableException("partition(s) " + missing + " cannot be read now" + because(failures));
        }
        return new Read<>(found, stale);
    }

    /** Asks every instance in {@code asks} at once; returns whether any piece was stale. */
    private <T> boolean collect(Map<Attempt, List<Integer>> asks, PartitionRead<T> read, Map<Integer, T> found,
                                List<String> failures) {
        Map<Attempt, CompletableFuture<PartitionAnswer<T>>> pending = new LinkedHashMap<>();
        asks.forEach((ask, parts) -> pending.put(ask, read.read(readers.apply(ask.host()), parts, ask.allowStale())));
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean stale = false;
        for (Map.Entry<Attempt, CompletableFuture<PartitionAnswer<T>>> e : pending.entrySet()) {
            Attempt ask = e.getKey();
            try {
                PartitionAnswer<T> answer = await(e.getValue(), deadline, ask.host());
                for (PartitionAnswer.Piece<T> piece : answer.pieces()) {
                    if (asks.get(ask).contains(piece.partition()) && !found.containsKey(piece.partition())) {
                        found.put(piece.partition(), piece.data());
                        stale |= piece.stale();
                    }
                }
                if (!answer.missing().isEmpty()) {
                    failures.add("instance " + name(ask.host()) + " cannot read partition(s) " + answer.missing()
                            + (ask.allowStale() ? "" : " fresh"));
                }
            } catch (StoreUnavailableException failure) {
                failures.add(failure.getMessage());
            }
        }
        return stale;
    }

    /** Active fresh, then each standby, then the active copy stale. */
    private static List<Attempt> attempts(Placement.Owners owners) {
        List<Attempt> attempts = new ArrayList<>();
        if (owners.active() != null) {
            attempts.add(new Attempt(owners.active(), false));
        }
        owners.standbys().forEach(standby -> attempts.add(new Attempt(standby, true)));
        if (owners.active() != null) {
            attempts.add(new Attempt(owners.active(), true));
        }
        return attempts;
    }

    private static <T> T await(CompletableFuture<T> future, long deadlineNanos, HostInfo host) {
        try {
            return future.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new StoreUnavailableException("instance " + name(host) + " did not answer in time");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("reading from instance " + name(host) + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for instance " + name(host));
        }
    }

    /** An instance as people write it, {@code host:port}. */
    static String name(HostInfo host) {
        return host.host() + ":" + host.port();
    }

    private static String because(List<String> failures) {
        return failures.isEmpty() ? ": no instance holds it (Kafka Streams is rebalancing?)"
                : ": " + String.join("; ", failures);
    }

    private record Attempt(HostInfo host, boolean allowStale) {
    }
}
