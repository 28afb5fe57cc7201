package org.hbew.indicators.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hbew.indicators.broker.FreePorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Alertmanager binary, whose port must be chosen before it starts, started on a port another process
 * took in between: {@link LocalServer} reports the bind failure so that {@link FreePorts} starts it on another.
 */
class LocalServerIT {

    @TempDir
    Path dir;

    @Test
    void shouldStartAgainOnAnotherPortWhenItsPortWasTakenBeforeItBoundIt() throws IOException {
        Path config = LiveConfigs.alertmanager(dir.resolve("alertmanager.yml"));
        try (ServerSocket taker = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Given a free port that another process takes before Alertmanager binds it, once
            List<Integer> tried = new ArrayList<>();

            // When Alertmanager is started through FreePorts
            try (LocalServer alertmanager = FreePorts.retryOnBindFailure(() -> {
                int port = tried.isEmpty() ? taker.getLocalPort() : FreePorts.one();
                tried.add(port);
                return LocalServer.alertmanager(config, directory("alertmanager-" + port), port);
            })) {
                // Then it listens on the second port, and answers there
                assertThat(tried).hasSize(2);
                assertThat(alertmanager.url("").getPort()).isEqualTo(tried.get(1));
                assertThat(Http.status(alertmanager.url("/-/ready"))).isEqualTo(200);
            }
        }
    }

    private Path directory(String name) {
        try {
            return Files.createDirectories(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
