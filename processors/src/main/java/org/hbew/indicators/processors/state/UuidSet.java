package org.hbew.indicators.processors.state;

/**
 * A set of 128-bit ids (UUIDs as two longs) in two flat arrays with open addressing: 16 bytes an id at
 * full load and about 32 on average, against some 80 for a {@code HashSet<UUID>}, and no object per id.
 * Ids are only ever added; a set is dropped whole when its time bucket expires.
 */
final class UuidSet {

    private static final int MIN_CAPACITY = 64;

    private long[] high;
    private long[] low;
    private boolean[] used;
    private int size;

    UuidSet() {
        allocate(MIN_CAPACITY);
    }

    int size() {
        return size;
    }

    boolean contains(long msb, long lsb) {
        int mask = used.length - 1;
        for (int slot = slot(msb, lsb, mask); used[slot]; slot = (slot + 1) & mask) {
            if (high[slot] == msb && low[slot] == lsb) {
                return true;
            }
        }
        return false;
    }

    /** Adds the id; false if it was there already. */
    boolean add(long msb, long lsb) {
        if ((size + 1) * 2 > used.length) {
            grow();
        }
        int mask = used.length - 1;
        int slot = slot(msb, lsb, mask);
        while (used[slot]) {
            if (high[slot] == msb && low[slot] == lsb) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        used[slot] = true;
        high[slot] = msb;
        low[slot] = lsb;
        size++;
        return true;
    }

    private void grow() {
        long[] oldHigh = high;
        long[] oldLow = low;
        boolean[] oldUsed = used;
        allocate(oldUsed.length * 2);
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                add(oldHigh[i], oldLow[i]);
            }
        }
    }

    private void allocate(int capacity) {
        high = new long[capacity];
        low = new long[capacity];
        used = new boolean[capacity];
    }

    /** Random UUIDs are well mixed already; the finaliser keeps sequential or crafted ids from clustering. */
    private static int slot(long msb, long lsb, int mask) {
        long h = msb * 0x9E3779B97F4A7C15L ^ lsb;
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        return (int) h & mask;
    }
}
