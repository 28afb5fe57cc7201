package org.hbew.indicators.processors.state;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A {@link CommitTimeStore} over a key-value store, seen by interactive queries as a {@link ReadOnlyKeyValueStore}
 * of its inner store: what the last commit wrote. The processor that owns it uses the methods of the subclass,
 * which see the working copy.
 *
 * @param <V> the values of the inner store
 */
public abstract class CommittedKeyValueStore<V> extends CommitTimeStore<KeyValueStore<String, V>>
        implements ReadOnlyKeyValueStore<String, V> {

    protected CommittedKeyValueStore(KeyValueStore<String, V> inner) {
        super(inner);
    }

    @Override
    public V get(String key) {
        return inner.get(key);
    }

    @Override
    public KeyValueIterator<String, V> range(String from, String to) {
        return inner.range(from, to);
    }

    @Override
    public KeyValueIterator<String, V> reverseRange(String from, String to) {
        return inner.reverseRange(from, to);
    }

    @Override
    public KeyValueIterator<String, V> all() {
        return inner.all();
    }

    @Override
    public KeyValueIterator<String, V> reverseAll() {
        return inner.reverseAll();
    }

    @Override
    public <PS extends Serializer<P>, P> KeyValueIterator<String, V> prefixScan(P prefix, PS prefixKeySerializer) {
        return inner.prefixScan(prefix, prefixKeySerializer);
    }

    @Override
    public long approximateNumEntries() {
        return inner.approximateNumEntries();
    }
}
