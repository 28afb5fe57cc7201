package org.hbew.indicators.bench;

import java.util.concurrent.TimeUnit;

/**
 * The arithmetic of the report. The benchmark's claims are ratios of rates measured in the same run (gateway
 * against raw producer, processors against the broker's own limit and against a plain Kafka Streams job),
 * because on a shared, noisy machine an absolute rate
 * says as much about the neighbours as about the code, while two rates measured minutes apart under the same
 * neighbours mostly move together.
 */
final class Rates {

    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    private Rates() {
    }

    static double seconds(long nanos) {
        return nanos / NANOS_PER_SECOND;
    }

    /** Events per second; 0 when nothing happened or no time passed. */
    static double perSecond(long events, long nanos) {
        if (events <= 0 || nanos <= 0) {
            return 0;
        }
        return events / seconds(nanos);
    }

    /** {@code part / whole}, or null when either is missing or the whole is zero, so no ratio is made up. */
    static Double ratio(Double part, Double whole) {
        if (part == null || whole == null || !(whole > 0) || Double.isNaN(part) || Double.isInfinite(whole)) {
            return null;
        }
        return part / whole;
    }
}
