package org.hbew.indicators.processors.state;

import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Builds a {@link CommitTimeStore} around a store from Kafka Streams' own builders. Logging settings pass
 * through to the inner builder (they decide the changelog topic); Kafka Streams' record cache is always
 * off underneath, since the commit-time store is the cache.
 */
public final class CommitTimeStoreBuilder<S extends StateStore, T extends CommitTimeStore<S>>
        implements StoreBuilder<T> {

    private final StoreBuilder<S> inner;
    private final Function<S, T> wrap;

    public CommitTimeStoreBuilder(StoreBuilder<S> inner, Function<S, T> wrap) {
        this.inner = inner.withCachingDisabled();
        this.wrap = wrap;
    }

    /** Ignored: the commit-time store is the cache, a byte cache beneath it would only cost. */
    @Override
    public StoreBuilder<T> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<T> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingEnabled(Map<String, String> config) {
        inner.withLoggingEnabled(config);
        return this;
    }

    @Override
    public StoreBuilder<T> withLoggingDisabled() {
        inner.withLoggingDisabled();
        return this;
    }

    @Override
    public T build() {
        return wrap.apply(inner.build());
    }

    @Override
    public Map<String, String> logConfig() {
        return inner.logConfig();
    }

    @Override
    public boolean loggingEnabled() {
        return inner.loggingEnabled();
    }

    @Override
    public String name() {
        return inner.name();
    }
}
