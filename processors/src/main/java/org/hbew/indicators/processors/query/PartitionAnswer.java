package org.hbew.indicators.processors.query;

import java.util.List;

/**
 * What one instance holds of a partitioned store, passed between instances: the partitions it could read,
 * each with its data and whether it was read stale, and those it was asked for but could not read.
 */
record PartitionAnswer<T>(List<Piece<T>> pieces, List<Integer> missing) {

    record Piece<T>(int partition, boolean stale, T data) {
    }
}
