package org.hbew.indicators.monitoring;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real Prometheus or Alertmanager process for the live test, on a loopback port the caller found free, with its
 * output in a log file. Neither can be asked to listen on port 0 and say which port it got, so the caller starts
 * it through {@link org.hbew.indicators.broker.FreePorts#onFreePort}: when the port was taken in between, the
 * process exits saying "address already in use", {@link #start} throws that, and it is started on another.
 * {@link #close()} ends it, forcibly if need be.
 */
final class LocalServer implements AutoCloseable {

    private final String name;
    private final Process process;
    private final URI url;
    private final Path log;

    private LocalServer(String name, Process process, URI url, Path log) {
        this.name = name;
        this.process = process;
        this.url = url;
        this.log = log;
    }

    /** Prometheus with {@code config}, its TSDB in {@code dir}. */
    static LocalServer prometheus(Path config, Path dir, int port) {
        Path binary = ProcessRunner.require("prometheus", "prometheus");
        return start("prometheus", dir, port, List.of(binary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port));
    }

    /** Alertmanager with {@code config}, alone (no cluster), its state in {@code dir}. */
    static LocalServer alertmanager(Path config, Path dir, int port) {
        // Debian's package names the binary after itself.
        Path binary = ProcessRunner.require("prometheus-alertmanager", "prometheus-alertmanager");
        return start("alertmanager", dir, port, List.of(binary.toString(),
                "--config.file=" + config,
                "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address="));
    }

    private static LocalServer start(String name, Path dir, int port, List<String> command) {
        Path log = dir.resolve(name + ".log");
        Process process = ProcessRunner.startLogged(dir, command, log);
        LocalServer server = new LocalServer(name, process, URI.create("http://127.0.0.1:" + port), log);
        try {
            await(name + " ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException(name + " exited " + process.exitValue() + ":\n"
                                    + server.logTail());
                        }
                        return Http.status(server.url.resolve("/-/ready")) == 200;
                    });
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    URI url(String pathAndQuery) {
        return URI.create(url + pathAndQuery);
    }

    /** The last lines the process wrote, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        ProcessRunner.stop(process);
    }

    @Override
    public String toString() {
        return name + " at " + url + " (log " + log + ")";
    }
}
