package org.hbew.indicators.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void shouldFindDistinctPortsOutsideTheProductsDefaultsAndTheExcluded() {
        int excluded = FreePorts.one();

        List<Integer> ports = FreePorts.distinct(InetAddress.getLoopbackAddress(), 20, Set.of(excluded));

        assertThat(ports).hasSize(20).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(FreePorts.PRODUCT_DEFAULTS).doesNotContain(excluded);
    }

    @Test
    void shouldStartAgainWhileThePortTurnsOutToBeTaken() {
        // Given a server that loses its port to another process twice
        List<Integer> tried = new ArrayList<>();

        // When it is started on a free port
        String started = FreePorts.onFreePort(port -> {
            tried.add(port);
            if (tried.size() < 3) {
                throw new IllegalStateException("could not start on " + port,
                        new IOException("Failed to bind", new BindException("Address already in use")));
            }
            return "listening on " + port;
        });

        // Then the third attempt, on a port of its own, is the one that counts
        assertThat(tried).hasSize(3);
        assertThat(started).isEqualTo("listening on " + tried.get(2));
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> FreePorts.retryOnBindFailure(() -> {
            attempts.incrementAndGet();
            throw new UncheckedIOException(new BindException("Address already in use"));
        })).isInstanceOf(UncheckedIOException.class);
        assertThat(attempts).hasValue(FreePorts.BIND_ATTEMPTS);
    }

    @Test
    void shouldNotRetryAFailureThatIsNotABindFailure() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> FreePorts.retryOnBindFailure(() -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("no such configuration file");
        })).hasMessage("no such configuration file");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void shouldRecogniseABindFailureByItsCauseOrItsWords() {
        assertThat(FreePorts.isBindFailure(new RuntimeException(new IOException(new BindException())))).isTrue();
        // Prometheus and Alertmanager, read from their log by the monitoring tests
        assertThat(FreePorts.isBindFailure(new IllegalStateException(
                "prometheus exited 1:\nerror=\"listen tcp 127.0.0.1:41234: bind: address already in use\""))).isTrue();
        assertThat(FreePorts.isBindFailure(new IllegalStateException("prometheus exited 1: bad config"))).isFalse();
        assertThat(FreePorts.isBindFailure(new UncheckedIOException(new IOException("Connection refused"))))
                .isFalse();
    }
}
