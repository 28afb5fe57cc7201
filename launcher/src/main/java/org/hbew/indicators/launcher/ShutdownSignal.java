package org.hbew.indicators.launcher;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C and SIGTERM for a command that runs until stopped. The JVM's shutdown hook only signals the
 * command's thread and then waits (at most {@link #GRACE}) until the command has closed what it
 * started, so services stop in order instead of being cut off mid-write. Closing the signal tells
 * the hook that the command is done.
 */
public final class ShutdownSignal implements AutoCloseable {

    static final Duration GRACE = Duration.ofSeconds(10);

    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    public ShutdownSignal(String name) {
        hook = new Thread(() -> {
            requested.countDown();
            try {
                done.await(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Blocks until a stop is requested. */
    public void await() throws InterruptedException {
        requested.await();
    }

    /** Blocks until a stop is requested or the time is up; true if a stop was requested. */
    public boolean await(Duration timeout) throws InterruptedException {
        return requested.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running: it returns now that done is counted down.
        }
    }
}
