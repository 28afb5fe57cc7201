package org.hbew.indicators.processors.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Immutable values by key, held as objects and written to the inner store once per commit ({@link CommitTimeStore}).
 * For a small store that changes many times between commits, such as the status of every indicator: Kafka
 * Streams' record cache holds bytes, so each read would decode a value and each write encode one.
 *
 * <p>Every value read stays in memory until the working copy is dropped; use it for stores whose keys are
 * bounded and few (hundreds or thousands), not for windows or ids.
 *
 * @param <V> the values; never changed in place, since the object handed to {@link #set} is the one written
 */
public final class LiveKeyValueStore<V> extends CommittedKeyValueStore<V> {

    private final Map<String, Entry<V>> entries = new HashMap<>();
    private final List<Entry<V>> changed = new ArrayList<>();

    public LiveKeyValueStore(KeyValueStore<String, V> inner) {
        super(inner);
    }

    /** The value as the owning processor last set it, or as committed, or null. */
    public V current(String key) {
        return entry(key).value;
    }

    /** Sets the value; the next commit writes it. */
    public void set(String key, V value) {
        Entry<V> entry = entry(key);
        entry.value = value;
        if (!entry.dirty) {
            entry.dirty = true;
            changed.add(entry);
        }
    }

    private Entry<V> entry(String key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            entry = new Entry<>(key, inner.get(key));
            entries.put(key, entry);
        }
        return entry;
    }

    @Override
    protected void writeChanges() {
        for (Entry<V> entry : changed) {
            inner.put(entry.key, entry.value);
            entry.dirty = false;
        }
        changed.clear();
    }

    @Override
    protected void dropWorkingCopy() {
        entries.clear();
        changed.clear();
    }

    private static final class Entry<V> {
        final String key;
        V value;
        boolean dirty;

        Entry(String key, V value) {
            this.key = key;
            this.value = value;
        }
    }
}
