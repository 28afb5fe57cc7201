package org.hbew.indicators.exactlyonce;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code hbew processors} instance as a child JVM, started through the launcher's main class with this JVM's
 * class path, exactly as an operator would run it, so that the test sees nothing but its command line, its
 * topics and its HTTP API. Its output goes to a log file of its own. It can be killed without warning (SIGKILL),
 * frozen (SIGSTOP) and thawed (SIGCONT).
 */
final class ProcessorsChild implements AutoCloseable {

    static final String MAIN_CLASS = "org.hbew.indicators.launcher.Hbew";
    /**
     * Enough heap at a moderate rate, and the JIT's first tier only: on a shared two-core machine the optimising
     * compiler would cost more CPU during the many starts than it saves at a few hundred events per second.
     */
    private static final List<String> JVM_OPTIONS = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");
    private static final Duration READY_POLL = Duration.ofMillis(250);

    private final String name;
    private final Process process;
    private final int httpPort;
    private final Path log;
    private final HttpClient http;
    /** Kills the child if the test JVM ends before {@link #close()} (a failsafe timeout, say). */
    private final Thread killAtExit;

    private ProcessorsChild(String name, Process process, int httpPort, Path log, HttpClient http) {
        this.name = name;
        this.process = process;
        this.httpPort = httpPort;
        this.log = log;
        this.http = http;
        this.killAtExit = new Thread(process::destroyForcibly, "kill-" + name);
        Runtime.getRuntime().addShutdownHook(killAtExit);
    }

    /**
     * Starts {@code hbew processors} on {@code stateDir}, serving its query API on {@code httpPort}.
     *
     * @param name names the instance in messages, e.g. {@code a#3}
     */
    static ProcessorsChild launch(String name, String bootstrapServers, String applicationId, Path stateDir,
                                  int httpPort, Path log, HttpClient http) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), MAIN_CLASS, "processors",
                "--bootstrap-servers", bootstrapServers,
                "--application-id", applicationId,
                "--state-dir", stateDir.toString(),
                "--http-port", Integer.toString(httpPort),
                "--advertised-host", "127.0.0.1",
                "--replication-factor", "1"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // Only the command line configures the child, whatever HBEW_* variables the build runs with.
        builder.environment().keySet().removeIf(variable -> variable.startsWith("HBEW_"));
        try {
            Files.createDirectories(stateDir);
            return new ProcessorsChild(name, builder.start(), httpPort, log, http);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch the processors child " + name, e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + httpPort + pathAndQuery);
    }

    /**
     * Waits until {@code /readyz} answers 200, i.e. Kafka Streams is RUNNING with its tasks assigned.
     *
     * @throws IllegalStateException if the child exits first or is not ready in time
     */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue()
                        + " before it was ready; see " + log);
            }
            if (ready()) {
                return;
            }
            Thread.sleep(READY_POLL.toMillis());
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hook, no flush, no commit; the open transaction is left to the broker. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL for 30 s");
        }
    }

    /** SIGSTOP: every thread freezes, the heartbeat thread included, until {@link #resume()}. */
    void pause() throws IOException, InterruptedException {
        signal("STOP");
    }

    /** SIGCONT. */
    void resume() throws IOException, InterruptedException {
        signal("CONT");
    }

    /** Kills the child if it still runs (a frozen one too: SIGKILL needs no cooperation). */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        Runtime.getRuntime().removeShutdownHook(killAtExit);
    }

    private boolean ready() throws InterruptedException {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(url("/readyz"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid())).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid() + " failed");
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + ", port " + httpPort + ")";
    }
}
