package org.hbew.indicators.bench;

import java.time.Duration;

/**
 * How long the benchmark waits for a job to work off its records, and how often it looks. Generous: on a busy
 * two-core machine a slow run is still a result; a stuck one must end.
 */
final class WorkOff {

    /** How often committed offsets are read; the timing is this fine, plus the job's commit interval. */
    static final Duration POLL = Duration.ofMillis(200);

    private static final Duration MIN_WAIT = Duration.ofMinutes(2);
    private static final long SLOWEST_EXPECTED_EVENTS_PER_SECOND = 500;

    private WorkOff() {
    }

    /** Two minutes, plus a second per 500 records. */
    static Duration patience(long records) {
        return MIN_WAIT.plusSeconds(records / SLOWEST_EXPECTED_EVENTS_PER_SECOND);
    }
}
