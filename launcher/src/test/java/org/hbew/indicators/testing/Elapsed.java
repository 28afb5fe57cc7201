package org.hbew.indicators.testing;

/** Time since a test's start, for its progress lines. */
public final class Elapsed {

    private Elapsed() {
    }

    /** Seconds since {@code since} (a {@link System#nanoTime()}), to a tenth. */
    public static double secondsSince(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }
}
