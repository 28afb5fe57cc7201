package org.hbew.indicators.monitoring;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A real Prometheus or Alertmanager process for the live test, on a free loopback port (never one of the
 * contract's default ports), with its output in a log file. {@link #close()} ends it, forcibly if need be.
 */
final class LocalServer implements AutoCloseable {

    private static final Set<Integer> RESERVED = Set.of(3000, 8080, 8081, 9090, 9092, 9093);

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

    /** A free port on the loopback interface, never one of the product's default ports. */
    static int freePort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                if (!RESERVED.contains(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port outside " + RESERVED);
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
