package org.hbew.indicators.importer;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Progress as a plain line every few seconds, for logs and pipes where a redrawn bar would be noise:
 * {@code import: 42% of 118.3 MiB, 500,000 read, 499,990 accepted, 10 rejected, 8,120/s, about 1m 10s left}.
 */
public final class PeriodicProgress implements ProgressReporter {

    private final PrintWriter out;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private long lastPrinted;

    public PeriodicProgress(PrintWriter out, Duration interval) {
        this(out, interval, System::nanoTime);
    }

    PeriodicProgress(PrintWriter out, Duration interval, LongSupplier nanoTime) {
        this.out = out;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.lastPrinted = nanoTime.getAsLong();
    }

    @Override
    public synchronized void update(ImportProgress progress) {
        long now = nanoTime.getAsLong();
        if (now - lastPrinted >= intervalNanos) {
            lastPrinted = now;
            out.println(line(progress));
            out.flush();
        }
    }

    @Override
    public synchronized void finish(ImportProgress progress) {
        out.flush();
    }

    static String line(ImportProgress p) {
        Duration left = p.remaining();
        return String.format("import: %d%% of %s, %,d read, %,d accepted, %,d rejected, %,.0f/s%s",
                Math.round(p.fraction() * 100), Sizes.bytes(p.totalBytes()), p.read(), p.accepted(), p.rejected(),
                p.rate(), left == null || p.fraction() >= 1 ? "" : ", about " + Sizes.duration(left) + " left");
    }
}
