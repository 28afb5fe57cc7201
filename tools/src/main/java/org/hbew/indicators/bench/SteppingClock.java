package org.hbew.indicators.bench;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that moves forward by a fixed step each time it is read, so that events generated in one go are
 * spread over a stretch of the recent past, in order, as a real day's stream would be, instead of all
 * carrying the same instant. Not thread-safe; the generator reads it under its own lock.
 */
final class SteppingClock extends Clock {

    private final long stepNanos;
    private Instant next;

    /** The {@code reads}-th read returns {@code end}; earlier reads lie before it, one step apart. */
    SteppingClock(Instant end, Duration span, int reads) {
        this.stepNanos = reads <= 1 ? 0 : span.toNanos() / (reads - 1);
        this.next = end.minusNanos(stepNanos * Math.max(0, reads - 1L));
    }

    @Override
    public Instant instant() {
        Instant now = next;
        next = next.plusNanos(stepNanos);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a stepping clock has no zone of its own");
    }
}
