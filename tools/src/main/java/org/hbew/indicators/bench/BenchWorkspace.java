package org.hbew.indicators.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary directory of one benchmark run and the child processes it starts. Closing it, or the JVM
 * stopping on Ctrl-C, kills any child still running and removes the directory, so an interrupted benchmark
 * leaves neither a stray JVM holding ports nor gigabytes of broker logs behind.
 */
final class BenchWorkspace implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BenchWorkspace.class);
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final Path dir;
    private final List<Process> children = new CopyOnWriteArrayList<>();
    private final Thread hook;
    private boolean closed;

    BenchWorkspace() {
        try {
            this.dir = Files.createTempDirectory("hbew-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory for the benchmark", e);
        }
        this.hook = new Thread(this::cleanUp, "hbew-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    Path dir() {
        return dir;
    }

    /** A child to kill if the benchmark ends before the child was stopped. */
    void track(Process child) {
        children.add(child);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs cleanUp itself.
            return;
        }
        cleanUp();
    }

    private void cleanUp() {
        for (Process child : children) {
            if (child.isAlive()) {
                log.warn("Killing benchmark child process {}", child.pid());
                child.destroyForcibly();
                try {
                    child.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        deleteRecursively(dir);
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(BenchWorkspace::deleteQuietly);
        } catch (IOException e) {
            log.warn("Could not remove the benchmark directory {}: {}", root, e.toString());
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            log.debug("Could not delete {}", path, e);
        }
    }
}
