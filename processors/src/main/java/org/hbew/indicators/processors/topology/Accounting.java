package org.hbew.indicators.processors.topology;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.hbew.indicators.processors.state.CommitTimeStoreBuilder;
import org.hbew.indicators.processors.state.CounterStore;

/**
 * Where every record of hbew.events.raw went, kept in a state store so the figures are as exact as
 * the processing (exactly-once), unlike metrics. Per task; the query API sums the tasks. The
 * invariant {@code received = deadLettered + duplicates + late + counted} is what the tests assert.
 */
public final class Accounting {

    public static final String STORE = "accounting-store";

    /** Where one record ended up. */
    public enum Outcome {
        RECEIVED, DEAD_LETTERED, DUPLICATE, LATE, COUNTED;

        /** Worked out once: every record looks up two of these. */
        private final String key = name().toLowerCase(Locale.ROOT);

        public String key() {
            return key;
        }
    }

    private final CounterStore store;

    public Accounting(CounterStore store) {
        this.store = store;
    }

    /** The store: counters in memory, written at each commit. */
    static StoreBuilder<CounterStore> storeBuilder() {
        return counters(STORE);
    }

    /** A store of named counters, String to Long underneath. */
    static StoreBuilder<CounterStore> counters(String name) {
        StoreBuilder<KeyValueStore<String, Long>> inner =
                Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), Serdes.Long());
        return new CommitTimeStoreBuilder<>(inner, CounterStore::new);
    }

    public void add(Outcome outcome) {
        store.add(outcome.key(), 1);
    }

    /** The totals in one store (one task), with zero for outcomes not seen. */
    public static Map<Outcome, Long> read(ReadOnlyKeyValueStore<String, Long> store) {
        Map<Outcome, Long> totals = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            totals.put(o, 0L);
        }
        try (KeyValueIterator<String, Long> all = store.all()) {
            all.forEachRemaining(kv -> {
                for (Outcome o : Outcome.values()) {
                    if (o.key().equals(kv.key)) {
                        totals.merge(o, kv.value, Long::sum);
                    }
                }
            });
        }
        return totals;
    }
}
