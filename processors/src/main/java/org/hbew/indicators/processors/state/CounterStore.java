package org.hbew.indicators.processors.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A handful of named counters (the accounting totals, a task's stream time) held as plain longs and written
 * to the inner store once per commit ({@link CommitTimeStore}), instead of a store read and write per record.
 * The inner store's layout (String to Long) is unchanged, so state written before this store existed is
 * read as before.
 *
 * <p>Interactive queries see the totals as of the last commit ({@link CommittedKeyValueStore}).
 */
public final class CounterStore extends CommittedKeyValueStore<Long> {

    private final Map<String, Counter> counters = new HashMap<>();
    private final List<Counter> changed = new ArrayList<>();

    public CounterStore(KeyValueStore<String, Long> inner) {
        super(inner);
    }

    /** The counter's value, or {@code absent} if it was never set. */
    public long value(String name, long absent) {
        Counter counter = counter(name);
        return counter.present ? counter.value : absent;
    }

    /** Adds {@code delta} to the counter (absent counts as zero). */
    public void add(String name, long delta) {
        Counter counter = counter(name);
        set(counter, (counter.present ? counter.value : 0) + delta);
    }

    /** Raises the counter to {@code value} if it is absent or lower. */
    public void raiseTo(String name, long value) {
        Counter counter = counter(name);
        if (!counter.present || value > counter.value) {
            set(counter, value);
        }
    }

    private void set(Counter counter, long value) {
        counter.value = value;
        counter.present = true;
        if (!counter.dirty) {
            counter.dirty = true;
            changed.add(counter);
        }
    }

    private Counter counter(String name) {
        Counter counter = counters.get(name);
        if (counter == null) {
            Long stored = inner.get(name);
            counter = new Counter(name, stored == null ? 0 : stored, stored != null);
            counters.put(name, counter);
        }
        return counter;
    }

    @Override
    protected void writeChanges() {
        for (Counter counter : changed) {
            inner.put(counter.name, counter.value);
            counter.dirty = false;
        }
        changed.clear();
    }

    @Override
    protected void dropWorkingCopy() {
        counters.clear();
        changed.clear();
    }

    private static final class Counter {
        final String name;
        long value;
        boolean present;
        boolean dirty;

        Counter(String name, long value, boolean present) {
            this.name = name;
            this.value = value;
            this.present = present;
        }
    }
}
