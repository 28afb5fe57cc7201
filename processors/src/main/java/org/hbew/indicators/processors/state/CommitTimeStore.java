package org.hbew.indicators.processors.state;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.query.Position;
import org.apache.kafka.streams.query.PositionBound;
import org.apache.kafka.streams.query.Query;
import org.apache.kafka.streams.query.QueryConfig;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A state store whose working copy lives as plain Java objects and reaches its logged inner store (and so
 * the changelog) once per commit instead of once per update. This is what keeps the hot path cheap: an
 * event costs a few in-memory updates, and a window's sketch is encoded once per commit, not per event.
 *
 * <p><b>Why it is exact under exactly-once.</b> Kafka Streams prepares a commit by flushing the caches of
 * the task's stores ({@link CachedStateStore#flushCache()}), then flushes the producer, then commits the
 * transaction with the input offsets. This store takes part as a cache: {@link #flushCache()} writes every
 * changed object into the inner store, whose change-logging layer sends it in the same transaction. So the
 * changelog never lags the committed offsets, exactly as with Kafka Streams' own record cache (which holds
 * bytes and so would re-encode the objects on every update). {@code StateStore.commit}, by contrast, runs
 * after the transaction commits and must not write.
 *
 * <p>{@link CachedStateStore} is an internal interface of Kafka Streams; it is the one hook that runs
 * before a commit, and {@code CommitTimeStoresTest} and the crash tests pin its behaviour for the Kafka
 * version this build uses.
 *
 * <p>The working copy is dropped whenever the inner store is (re)initialised or Kafka Streams clears its
 * caches (a task closed dirty, revived, or recycled between active and standby, whose inner store a
 * standby keeps restoring), and read back lazily from the inner store, which has been
 * restored by then. Not thread-safe, like the processors that use it: interactive queries read the inner
 * store, which holds what the last commit wrote.
 *
 * @param <S> the inner store: a logged, uncached in-memory store built by Kafka Streams' own builders
 */
public abstract class CommitTimeStore<S extends StateStore> implements StateStore, CachedStateStore<Object, Object> {

    protected final S inner;

    protected CommitTimeStore(S inner) {
        this.inner = inner;
    }

    /** Writes every object changed since the last commit into {@link #inner}. */
    protected abstract void writeChanges();

    /** Forgets the working copy, so that it is read back from {@link #inner} when next needed. */
    protected abstract void dropWorkingCopy();

    @Override
    public void flushCache() {
        writeChanges();
    }

    @Override
    public void clearCache() {
        dropWorkingCopy();
    }

    @Override
    public boolean setFlushListener(CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return inner.name();
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        dropWorkingCopy();
        inner.init(context, root);
    }

    @Override
    public void commit(Map<TopicPartition, Long> changelogOffsets) {
        inner.commit(changelogOffsets);
    }

    @Override
    public Long committedOffset(TopicPartition partition) {
        return inner.committedOffset(partition);
    }

    @Override
    public boolean managesOffsets() {
        return inner.managesOffsets();
    }

    @Override
    public void close() {
        dropWorkingCopy();
        inner.close();
    }

    @Override
    public boolean persistent() {
        return inner.persistent();
    }

    @Override
    public boolean isOpen() {
        return inner.isOpen();
    }

    @Override
    public <R> QueryResult<R> query(Query<R> query, PositionBound positionBound, QueryConfig config) {
        return inner.query(query, positionBound, config);
    }

    @Override
    public Position getPosition() {
        return inner.getPosition();
    }
}
