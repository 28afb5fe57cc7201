package org.hbew.indicators.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hbew.indicators.kafka.KafkaClientProperties;

/**
 * One child JVM of the benchmark ({@code hbew standalone}, {@code hbew processors}). Its output (stdout and the log
 * on stderr) is copied to a log file by a reader thread that also notes when its ready line appears, so the
 * start-up time is measured to that line, from before the process was launched. Stopping sends SIGTERM, as
 * Ctrl-C or a service manager would, and kills the process only if it has not exited in time.
 */
final class ChildJvm implements AutoCloseable {

    /** Standalone's ready line; the group is the start-up time it reports. */
    static final Pattern STANDALONE_READY = Pattern.compile("Ready in (\\d+(?:[.,]\\d+)?) s");
    /** What {@code hbew processors} prints once Kafka Streams is starting and its query API is bound. */
    static final Pattern PROCESSORS_READY = Pattern.compile("^Processors .*; query API on \\S+:\\d+");
    private static final int TAIL_LINES = 20;

    /** When the child said it was ready, and what it said its start took (null if its line says nothing). */
    record Ready(long nanosSinceLaunch, Double reportedSeconds) {
    }

    /** How the child ended. */
    record Stopped(long nanos, int exitCode, boolean killed) {
    }

    private final Process process;
    private final Pattern readyLine;
    private final long launchedAt;
    private final CompletableFuture<Ready> ready = new CompletableFuture<>();
    private final Deque<String> tail = new ArrayDeque<>();

    private ChildJvm(Process process, Pattern readyLine, long launchedAt) {
        this.process = process;
        this.readyLine = readyLine;
        this.launchedAt = launchedAt;
    }

    /**
     * Launches the command and starts copying its output to {@code logFile}.
     *
     * @param readyLine the line that says the child is ready; its first group, if any, the seconds it reports
     * @param workspace kills the child if the benchmark ends first
     */
    static ChildJvm launch(List<String> command, Pattern readyLine, Path logFile, BenchWorkspace workspace) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The benchmark hands a child its Kafka client settings on the command line, as a file, or none at all for
        // the embedded broker; the operator's HBEW_KAFKA_* variables would add SASL settings to a PLAINTEXT broker.
        builder.environment().keySet().removeIf(ChildJvm::isKafkaClientVariable);
        long launchedAt = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch " + command.get(0), e);
        }
        workspace.track(process);
        ChildJvm child = new ChildJvm(process, readyLine, launchedAt);
        Thread reader = new Thread(() -> child.copyOutput(logFile), "hbew-bench-child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
        return child;
    }

    /** {@code HBEW_KAFKA_*}: client settings, or {@code HBEW_KAFKA_CONFIG}, a file of them. */
    static boolean isKafkaClientVariable(String name) {
        return name.startsWith(KafkaClientProperties.ENVIRONMENT_PREFIX);
    }

    long pid() {
        return process.pid();
    }

    /**
     * Waits for the ready line.
     *
     * @throws IllegalStateException if the child exits first or is not ready in time (the child is then killed),
     *                               with the last lines of its output
     */
    Ready awaitReady(Duration timeout) throws InterruptedException {
        try {
            return ready.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            kill();
            String why = e instanceof TimeoutException ? "was not ready within " + timeout
                    : "exited before it was ready";
            throw new IllegalStateException("the child JVM " + why + "; its last lines:\n" + tail());
        }
    }

    /** SIGTERM, then up to {@code timeout} for the process to exit, then SIGKILL. */
    Stopped stop(Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long nanos = System.nanoTime() - start;
        if (!exited) {
            kill();
        }
        return new Stopped(nanos, process.isAlive() ? -1 : process.exitValue(), !exited);
    }

    /** Kills the child if it is still running, e.g. after a failed measurement. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    private void copyOutput(Path logFile) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
             BufferedWriter out = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                noteReady(line);
                remember(line);
                out.write(line);
                out.newLine();
                out.flush();
            }
        } catch (IOException e) {
            remember("(output could not be read further: " + e + ")");
        } finally {
            ready.completeExceptionally(new IllegalStateException("the output ended"));
        }
    }

    private void noteReady(String line) {
        if (ready.isDone()) {
            return;
        }
        Matcher m = readyLine.matcher(line);
        if (m.find()) {
            ready.complete(new Ready(System.nanoTime() - launchedAt,
                    m.groupCount() >= 1 ? parseSeconds(m.group(1)) : null));
        }
    }

    /** The figure of the ready line, printed in the child's locale (a decimal comma in some). */
    private static Double parseSeconds(String text) {
        try {
            return Double.parseDouble(text.replace(',', '.'));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private synchronized void remember(String line) {
        if (tail.size() == TAIL_LINES) {
            tail.removeFirst();
        }
        tail.addLast(line);
    }

    private synchronized String tail() {
        return String.join("\n", tail);
    }
}
