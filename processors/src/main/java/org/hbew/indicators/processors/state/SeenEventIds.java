package org.hbew.indicators.processors.state;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The (city, eventId) pairs of the events a task counted, for de-duplication, in memory and grouped by
 * buckets of event time (one day each), so that a whole bucket expires at once when it falls out of the
 * horizon. A commit writes the ids added to each bucket and city since the last commit as one block,
 * {@code <bucket start>:<city>:<block number>} to 16 bytes an id, instead of a store read, a store write
 * and a changelog record per event. After a restart the blocks are read back from the inner store.
 *
 * <p>An id is a duplicate of an earlier one of the same city whose event time lies within the horizon
 * of it, either side; the check looks in every bucket that overlaps {@code [at - horizon, at + horizon]},
 * so it may also find a copy up to a bucket further off, never fewer.
 */
public final class SeenEventIds extends CommitTimeStore<KeyValueStore<String, byte[]>> {

    static final long BUCKET_MS = 24L * 60 * 60 * 1000;
    private static final int ID_BYTES = 16;

    /** Far enough from the ends of long that a bucket start can always be computed. */
    private static final long MIN_TIME = Long.MIN_VALUE / 2;
    private static final long MAX_TIME = Long.MAX_VALUE / 2;

    private final NavigableMap<Long, Bucket> buckets = new TreeMap<>();
    private final List<Bucket> expired = new ArrayList<>();
    private boolean loaded;

    public SeenEventIds(KeyValueStore<String, byte[]> inner) {
        super(inner);
    }

    /**
     * Remembers the event and returns false, or returns true if its city and id were seen within
     * {@code horizonMs} of {@code atMillis}.
     */
    public boolean seenBefore(String city, UUID eventId, long atMillis, long horizonMs) {
        load();
        long msb = eventId.getMostSignificantBits();
        long lsb = eventId.getLeastSignificantBits();
        long from = bucketOf(Math.max(MIN_TIME, saturatedMinus(atMillis, horizonMs)));
        long to = bucketOf(Math.min(MAX_TIME, saturatedPlus(atMillis, horizonMs)));
        for (Bucket bucket : buckets.subMap(from, true, to, true).values()) {
            UuidSet ids = bucket.ids.get(city);
            if (ids != null && ids.contains(msb, lsb)) {
                return true;
            }
        }
        Bucket bucket = buckets.computeIfAbsent(bucketOf(Math.max(MIN_TIME, Math.min(MAX_TIME, atMillis))), Bucket::new);
        bucket.ids.computeIfAbsent(city, c -> new UuidSet()).add(msb, lsb);
        bucket.unwritten.computeIfAbsent(city, c -> new ArrayList<>()).add(new long[] {msb, lsb});
        return false;
    }

    /** Forgets the buckets that end at or before {@code cutoffMillis}; the next commit deletes their blocks. */
    public void expireBefore(long cutoffMillis) {
        load();
        Iterator<Bucket> oldestFirst = buckets.values().iterator();
        while (oldestFirst.hasNext()) {
            Bucket bucket = oldestFirst.next();
            if (bucket.start + BUCKET_MS > cutoffMillis) {
                return;
            }
            expired.add(bucket);
            oldestFirst.remove();
        }
    }

    /** How many ids are remembered, for tests and metrics. */
    public long size() {
        load();
        long n = 0;
        for (Bucket bucket : buckets.values()) {
            for (UuidSet ids : bucket.ids.values()) {
                n += ids.size();
            }
        }
        return n;
    }

    @Override
    protected void writeChanges() {
        for (Bucket bucket : expired) {
            for (String key : bucket.storedBlocks) {
                inner.delete(key);
            }
        }
        expired.clear();
        for (Bucket bucket : buckets.values()) {
            for (Map.Entry<String, List<long[]>> e : bucket.unwritten.entrySet()) {
                List<long[]> ids = e.getValue();
                if (ids.isEmpty()) {
                    continue;
                }
                ByteBuffer block = ByteBuffer.allocate(ids.size() * ID_BYTES);
                for (long[] id : ids) {
                    block.putLong(id[0]).putLong(id[1]);
                }
                String key = bucket.start + ":" + e.getKey() + ":" + bucket.nextBlock++;
                inner.put(key, block.array());
                bucket.storedBlocks.add(key);
                ids.clear();
            }
        }
    }

    @Override
    protected void dropWorkingCopy() {
        buckets.clear();
        expired.clear();
        loaded = false;
    }

    private void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        try (KeyValueIterator<String, byte[]> blocks = inner.all()) {
            while (blocks.hasNext()) {
                KeyValue<String, byte[]> block = blocks.next();
                String[] parts = block.key.split(":", 3);
                long start = Long.parseLong(parts[0]);
                Bucket bucket = buckets.computeIfAbsent(start, Bucket::new);
                bucket.nextBlock = Math.max(bucket.nextBlock, Integer.parseInt(parts[2]) + 1);
                bucket.storedBlocks.add(block.key);
                UuidSet ids = bucket.ids.computeIfAbsent(parts[1], c -> new UuidSet());
                ByteBuffer in = ByteBuffer.wrap(block.value);
                while (in.remaining() >= ID_BYTES) {
                    ids.add(in.getLong(), in.getLong());
                }
            }
        }
    }

    static long bucketOf(long atMillis) {
        return atMillis - Math.floorMod(atMillis, BUCKET_MS);
    }

    private static long saturatedMinus(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? Long.MIN_VALUE : r;
    }

    private static long saturatedPlus(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static final class Bucket {
        final long start;
        final Map<String, UuidSet> ids = new HashMap<>();
        final Map<String, List<long[]>> unwritten = new HashMap<>();
        final List<String> storedBlocks = new ArrayList<>();
        int nextBlock;

        Bucket(long start) {
            this.start = start;
        }
    }
}
