package org.hbew.indicators.importer;

import java.time.Duration;

/**
 * How far an import has come.
 *
 * @param bytesRead  bytes of the file read so far; with {@code totalBytes} it gives the share done and the time left
 * @param read       records read (rejected ones included)
 */
public record ImportProgress(long bytesRead, long totalBytes, long read, long accepted, long rejected,
                             Duration elapsed) {

    /** Records per second so far. */
    public double rate() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : read / seconds;
    }

    /** 0 to 1; 1 for an empty file. */
    public double fraction() {
        return totalBytes <= 0 ? 1 : Math.min(1, (double) bytesRead / totalBytes);
    }

    /** Time left at the pace so far, judged on bytes; empty until something is read. */
    public Duration remaining() {
        if (bytesRead <= 0 || elapsed.isZero()) {
            return null;
        }
        double left = Math.max(0, totalBytes - bytesRead) * ((double) elapsed.toNanos() / bytesRead);
        return Duration.ofNanos((long) left);
    }
}
