package org.hbew.indicators.monitoring;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real monitoring tools (promtool, amtool, docker-compose, prometheus, alertmanager) as processes.
 * A missing tool fails the test with the Debian package that provides it: these checks are the point of
 * the module, so they never skip.
 */
final class ProcessRunner {

    /** What a finished command printed and how it exited. */
    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        boolean succeeded() {
            return exitCode == 0;
        }

        /** For assertion messages. */
        String describe() {
            return String.join(" ", command) + " exited " + exitCode + ":\n" + stdout + stderr;
        }
    }

    private ProcessRunner() {
    }

    /** The tool's path on PATH; fails the test naming the package to install if it is not there. */
    static Path require(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return Path.of(dir, tool);
            }
        }
        return fail("%s is not on PATH; install it with: apt-get install -y %s", tool, debianPackage);
    }

    /** Runs a command to completion in {@code workDir}; kills it and fails the test after {@code timeout}. */
    static Result run(Path workDir, Duration timeout, List<String> command) {
        Path stdout = tempFile("stdout");
        Path stderr = tempFile("stderr");
        Process process = start(new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return fail("%s did not finish within %s", String.join(" ", command), timeout);
            }
            return new Result(command, process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                    Files.readString(stderr, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            stop(process);
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    /** Starts a long-running command with its output going to {@code log}; end it with {@link #stop}. */
    static Process startLogged(Path workDir, List<String> command, Path log) {
        return start(new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()));
    }

    /** Ends the process and its children: politely, then forcibly, waiting a bounded time for each. */
    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static Process start(ProcessBuilder builder) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
    }

    private static Path tempFile(String kind) {
        try {
            return Files.createTempFile("hbew-monitoring-", "." + kind);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temp file left behind is harmless.
        }
    }
}
