package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hbew.indicators.http.ApiError;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void shouldReadABodyUpToTheLimit() {
        byte[] body = new byte[100];

        assertThat(BoundedBody.read(new ByteArrayInputStream(body), 100, 100, unbounded())).hasSize(100);
        assertThat(BoundedBody.read(new ByteArrayInputStream(body), -1, 100, unbounded())).hasSize(100);
    }

    @Test
    void shouldRefuseADeclaredLengthAboveTheLimitWithoutReading() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("must not be read");
            }
        };

        assertThatThrownBy(() -> BoundedBody.read(untouchable, 101, 100, unbounded()))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(413))
                .extracting(ApiError::code).isEqualTo("body_too_large");
    }

    @Test
    void shouldRefuseAnUndeclaredBodyOnceItPassesTheLimit() {
        assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[101]), -1, 100, unbounded()))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .extracting(ApiError::code).isEqualTo("body_too_large");
    }

    @Test
    void shouldAnswer408WhenTheBodyIsStillArrivingAtTheDeadline() {
        InputStream trickle = new InputStream() {
            @Override
            public int read() throws IOException {
                return read(new byte[1], 0, 1);
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                b[off] = ' ';
                return 1;
            }
        };

        assertThatThrownBy(() -> BoundedBody.read(trickle, -1, 1_000_000,
                BodyDeadline.start(Duration.ofMillis(200), null)))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(408))
                .satisfies(e -> assertThat(e.headers()).containsEntry("Connection", "close"))
                .extracting(ApiError::code).isEqualTo("body_timeout");
    }

    @Test
    void shouldReadABodyLargerThanOneChunkWithoutADeclaredLength() {
        byte[] body = new byte[100_000];
        body[99_999] = 7;

        assertThat(BoundedBody.read(new ByteArrayInputStream(body), -1, 100_000, unbounded())).isEqualTo(body);
    }

    @Test
    void shouldAnswer400WhenTheBodyBreaksOff() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> BoundedBody.read(broken, -1, 100, unbounded()))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(400))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("connection reset"));
    }

    private static BodyDeadline unbounded() {
        return BodyDeadline.start(Duration.ofMinutes(1), null);
    }
}
