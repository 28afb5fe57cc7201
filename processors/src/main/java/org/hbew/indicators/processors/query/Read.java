package org.hbew.indicators.processors.query;

import java.util.function.Function;

/**
 * What a store read returned, and whether it may be behind: {@code stale} when it came from a standby
 * replica, or from an active store queried while its stream thread was not running (restoring,
 * rebalancing). Answers built from a stale read carry the header {@code X-Data-Stale: true}.
 */
record Read<T>(T value, boolean stale) {

    static <T> Read<T> fresh(T value) {
        return new Read<>(value, false);
    }

    <R> Read<R> map(Function<T, R> f) {
        return new Read<>(f.apply(value), stale);
    }
}
