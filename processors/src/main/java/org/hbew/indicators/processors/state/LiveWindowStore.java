package org.hbew.indicators.processors.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * Window figures kept as live, mutable objects between commits ({@link CommitTimeStore}): a processor
 * reads a window's object with {@link #get}, changes it in place and calls {@link #changed}; at the
 * commit each changed window is encoded once and written to the inner window store and its changelog.
 *
 * <p>Memory: windows changed since the last commit are always held; of the others at most
 * {@code maxCleanObjects} are kept, least recently used first out, and read back from the inner store
 * when needed again.
 *
 * <p>Interactive queries see this store as a {@link ReadOnlyWindowStore}: they read the inner store,
 * i.e. the figures as of the last commit, never an object the stream thread is changing.
 */
public final class LiveWindowStore<V> extends CommitTimeStore<WindowStore<String, V>>
        implements ReadOnlyWindowStore<String, V> {

    private final int maxCleanObjects;
    /** Access-ordered, so that eviction finds the least recently used windows first. */
    private final LinkedHashMap<WindowId, Live<V>> objects = new LinkedHashMap<>(1024, 0.75f, true);
    private final List<Live<V>> changed = new ArrayList<>();

    public LiveWindowStore(WindowStore<String, V> inner, int maxCleanObjects) {
        super(inner);
        this.maxCleanObjects = maxCleanObjects;
    }

    /** The figures of {@code key} in the window starting at {@code windowStart}, or null if it has none yet. */
    public V get(String key, long windowStart) {
        WindowId id = new WindowId(key, windowStart);
        Live<V> live = objects.get(id);
        if (live != null) {
            return live.value;
        }
        V stored = inner.fetch(key, windowStart);
        if (stored != null) {
            objects.put(id, new Live<>(id, stored));
        }
        return stored;
    }

    /**
     * The live object of {@code key}'s window starting at {@code windowStart}, made by {@code fresh} if the window
     * has none yet, for the caller to change in place; it is written at the next commit. One lookup where
     * {@link #get} and {@link #changed} take two.
     */
    public V changing(String key, long windowStart, Supplier<V> fresh) {
        WindowId id = new WindowId(key, windowStart);
        Live<V> live = objects.get(id);
        if (live == null) {
            V stored = inner.fetch(key, windowStart);
            live = new Live<>(id, stored != null ? stored : fresh.get());
            objects.put(id, live);
        }
        if (!live.dirty) {
            live.dirty = true;
            changed.add(live);
        }
        return live.value;
    }

    /** Records that the window's object (new, or one returned by {@link #get} and changed) must be written at the next commit. */
    public void changed(String key, long windowStart, V value) {
        WindowId id = new WindowId(key, windowStart);
        Live<V> live = objects.get(id);
        if (live == null) {
            live = new Live<>(id, value);
            objects.put(id, live);
        } else {
            live.value = value;
        }
        if (!live.dirty) {
            live.dirty = true;
            changed.add(live);
        }
    }

    @Override
    protected void writeChanges() {
        for (Live<V> live : changed) {
            inner.put(live.id.key(), live.value, live.id.start());
            live.dirty = false;
        }
        changed.clear();
        evictBeyondLimit();
    }

    private void evictBeyondLimit() {
        int excess = objects.size() - maxCleanObjects;
        Iterator<Live<V>> eldestFirst = objects.values().iterator();
        while (excess > 0 && eldestFirst.hasNext()) {
            if (!eldestFirst.next().dirty) {
                eldestFirst.remove();
                excess--;
            }
        }
    }

    @Override
    protected void dropWorkingCopy() {
        objects.clear();
        changed.clear();
    }

    /** Windows starting in {@code [fromStart, toStart]} as the last commit left them, for re-announcing after a restart. */
    public KeyValueIterator<Windowed<String>, V> committedWindows(long fromStart, long toStart) {
        return inner.fetchAll(Instant.ofEpochMilli(fromStart), Instant.ofEpochMilli(toStart));
    }

    // Interactive queries: the inner store, as of the last commit.

    @Override
    public V fetch(String key, long time) {
        return inner.fetch(key, time);
    }

    @Override
    public WindowStoreIterator<V> fetch(String key, Instant timeFrom, Instant timeTo) {
        return inner.fetch(key, timeFrom, timeTo);
    }

    @Override
    public WindowStoreIterator<V> backwardFetch(String key, Instant timeFrom, Instant timeTo) {
        return inner.backwardFetch(key, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> fetch(String keyFrom, String keyTo, Instant timeFrom, Instant timeTo) {
        return inner.fetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> backwardFetch(String keyFrom, String keyTo, Instant timeFrom,
                                                                Instant timeTo) {
        return inner.backwardFetch(keyFrom, keyTo, timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> all() {
        return inner.all();
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> backwardAll() {
        return inner.backwardAll();
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> fetchAll(Instant timeFrom, Instant timeTo) {
        return inner.fetchAll(timeFrom, timeTo);
    }

    @Override
    public KeyValueIterator<Windowed<String>, V> backwardFetchAll(Instant timeFrom, Instant timeTo) {
        return inner.backwardFetchAll(timeFrom, timeTo);
    }

    private record WindowId(String key, long start) {
    }

    private static final class Live<V> {
        final WindowId id;
        V value;
        boolean dirty;

        Live(WindowId id, V value) {
            this.id = Objects.requireNonNull(id);
            this.value = value;
        }
    }

    /** How many window objects are held now (changed and clean), for tests. */
    int heldObjects() {
        return objects.size();
    }

    /** How many windows wait for the next commit, for tests. */
    int changedObjects() {
        return changed.size();
    }
}
