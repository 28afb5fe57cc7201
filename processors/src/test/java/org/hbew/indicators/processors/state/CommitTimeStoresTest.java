package org.hbew.indicators.processors.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;

/**
 * The commit-time stores: what changed reaches the inner store (and so the changelog) at
 * {@code flushCache}, the step of Kafka Streams' commit that comes before the transaction, never
 * earlier; and after Kafka Streams drops a task's caches the working copy is read back from the
 * inner store, with nothing lost that a commit wrote.
 */
class CommitTimeStoresTest {

    private static final long DAY = Duration.ofDays(1).toMillis();
    private static final long HORIZON = Duration.ofDays(7).toMillis();

    private static <S extends StateStore> S init(StoreBuilder<S> builder) {
        S store = builder.withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
        return store;
    }

    private static SeenEventIds seenStore() {
        return init(new CommitTimeStoreBuilder<>(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("seen"),
                Serdes.String(), Serdes.ByteArray()), SeenEventIds::new));
    }

    @Test
    void shouldRememberIdsPerCityWithinTheHorizonOnly() {
        SeenEventIds seen = seenStore();
        UUID id = UUID.randomUUID();
        long t = 100 * DAY;

        assertThat(seen.seenBefore("ordos", id, t, HORIZON)).isFalse();
        assertThat(seen.seenBefore("ordos", id, t, HORIZON)).isTrue();
        assertThat(seen.seenBefore("hohhot", id, t, HORIZON)).as("another city's id is not a duplicate").isFalse();
        assertThat(seen.seenBefore("ordos", id, t + 6 * DAY, HORIZON)).as("a copy six days later").isTrue();
        assertThat(seen.seenBefore("ordos", id, t - 6 * DAY, HORIZON)).as("a copy six days earlier").isTrue();
        assertThat(seen.seenBefore("ordos", id, t + 9 * DAY, HORIZON)).as("beyond the horizon and a bucket").isFalse();
    }

    @Test
    void shouldWriteIdsOnlyAtTheCommitAndReadThemBackAfterTheCacheIsDropped() {
        SeenEventIds seen = seenStore();
        @SuppressWarnings("unchecked")
        KeyValueStore<String, byte[]> inner = (KeyValueStore<String, byte[]>) seen.inner;
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        seen.seenBefore("ordos", first, 10 * DAY, HORIZON);
        seen.seenBefore("ordos", second, 10 * DAY + 5, HORIZON);
        assertThat(inner.approximateNumEntries()).as("nothing written before the commit").isZero();

        seen.flushCache();
        assertThat(inner.approximateNumEntries()).as("one block for the bucket and city").isEqualTo(1);
        UUID uncommitted = UUID.randomUUID();
        seen.seenBefore("ordos", uncommitted, 10 * DAY, HORIZON);
        seen.clearCache();

        assertThat(seen.seenBefore("ordos", first, 10 * DAY, HORIZON)).isTrue();
        assertThat(seen.seenBefore("ordos", second, 10 * DAY, HORIZON)).isTrue();
        assertThat(seen.seenBefore("ordos", uncommitted, 10 * DAY, HORIZON))
                .as("an id added after the last commit is gone with the dropped cache, as its offset is").isFalse();
        assertThat(seen.size()).isEqualTo(3);
    }

    @Test
    void shouldDeleteTheBlocksOfExpiredBucketsAtTheCommit() {
        SeenEventIds seen = seenStore();
        @SuppressWarnings("unchecked")
        KeyValueStore<String, byte[]> inner = (KeyValueStore<String, byte[]>) seen.inner;
        UUID old = UUID.randomUUID();
        seen.seenBefore("baotou", old, 3 * DAY, HORIZON);
        seen.flushCache();
        seen.seenBefore("baotou", UUID.randomUUID(), 20 * DAY, HORIZON);

        seen.expireBefore(20 * DAY - HORIZON);
        seen.flushCache();
        seen.clearCache();

        assertThat(inner.approximateNumEntries()).isEqualTo(1);
        assertThat(seen.size()).isEqualTo(1);
        assertThat(seen.seenBefore("baotou", old, 3 * DAY, HORIZON)).isFalse();
    }

    @Test
    void shouldKeepAnIdSetExactThroughGrowth() {
        UuidSet set = new UuidSet();
        Set<UUID> reference = new HashSet<>();
        Random random = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            UUID id = i % 10 == 0 && !reference.isEmpty() ? reference.iterator().next()
                    : new UUID(random.nextLong() & 0xFFFF, random.nextInt(1000));
            boolean added = set.add(id.getMostSignificantBits(), id.getLeastSignificantBits());
            assertThat(added).isEqualTo(reference.add(id));
        }
        assertThat(set.size()).isEqualTo(reference.size());
        for (UUID id : reference) {
            assertThat(set.contains(id.getMostSignificantBits(), id.getLeastSignificantBits())).isTrue();
        }
        assertThat(set.contains(0, 0)).isEqualTo(reference.contains(new UUID(0, 0)));
    }

    @Test
    void shouldWriteChangedWindowsAtTheCommitAndKeepThemWhileEvicting() {
        StoreBuilder<WindowStore<String, Long>> inner = Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore("windows", Duration.ofDays(35), Duration.ofHours(1), false),
                Serdes.String(), Serdes.Long());
        LiveWindowStore<Long> windows = init(new CommitTimeStoreBuilder<>(inner, s -> new LiveWindowStore<>(s, 2)));

        for (int hour = 0; hour < 5; hour++) {
            windows.changed("2:ordos", hour * 3_600_000L, (long) hour);
        }
        assertThat(windows.fetch("2:ordos", 0L)).as("queries see the last commit, none yet").isNull();
        assertThat(windows.changedObjects()).isEqualTo(5);

        windows.flushCache();
        assertThat(windows.fetch("2:ordos", 4 * 3_600_000L)).isEqualTo(4L);
        assertThat(windows.changedObjects()).isZero();
        assertThat(windows.heldObjects()).as("clean objects beyond the limit are evicted").isEqualTo(2);
        assertThat(windows.get("2:ordos", 0L)).as("an evicted window is read back").isEqualTo(0L);

        windows.changed("2:ordos", 0L, 10L);
        windows.clearCache();
        assertThat(windows.get("2:ordos", 0L)).as("a change after the last commit is dropped with the cache")
                .isEqualTo(0L);
    }

    @Test
    void shouldWriteTheLastValueOfAKeyAtTheCommitAndReadTheCommittedOneAfterTheCacheIsDropped() {
        LiveKeyValueStore<String> statuses = init(new CommitTimeStoreBuilder<>(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("statuses"), Serdes.String(), Serdes.String()), LiveKeyValueStore::new));

        statuses.set("2:ordos:trips", "NO_DATA");
        statuses.set("2:ordos:trips", "LAGGING");
        assertThat(statuses.current("2:ordos:trips")).isEqualTo("LAGGING");
        assertThat(statuses.get("2:ordos:trips")).as("queries see the last commit, none yet").isNull();

        statuses.flushCache();
        assertThat(statuses.get("2:ordos:trips")).isEqualTo("LAGGING");
        assertThat(statuses.approximateNumEntries()).isEqualTo(1);

        statuses.set("2:ordos:trips", "ON_TRACK");
        statuses.set("3:baotou:trips", "NO_DATA");
        statuses.clearCache();
        assertThat(statuses.current("2:ordos:trips")).as("a change after the last commit is dropped with the cache")
                .isEqualTo("LAGGING");
        assertThat(statuses.current("3:baotou:trips")).isNull();
        statuses.flushCache();
        assertThat(statuses.approximateNumEntries()).as("nothing left to write after the cache was dropped")
                .isEqualTo(1);
    }
}
