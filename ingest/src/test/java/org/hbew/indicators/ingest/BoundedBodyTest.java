package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hbew.indicators.http.ApiError;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void shouldReadABodyUpToTheLimit() {
        byte[] body = new byte[100];

        assertThat(BoundedBody.read(new ByteArrayInputStream(body), 100, 100)).hasSize(100);
        assertThat(BoundedBody.read(new ByteArrayInputStream(body), -1, 100)).hasSize(100);
    }

    @Test
    void shouldRefuseADeclaredLengthAboveTheLimitWithoutReading() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() {
                throw new AssertionError("must not be read");
            }
        };

        assertThatThrownBy(() -> BoundedBody.read(untouchable, 101, 100))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(413))
                .extracting(ApiError::code).isEqualTo("body_too_large");
    }

    @Test
    void shouldRefuseAnUndeclaredBodyOnceItPassesTheLimit() {
        assertThatThrownBy(() -> BoundedBody.read(new ByteArrayInputStream(new byte[101]), -1, 100))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .extracting(ApiError::code).isEqualTo("body_too_large");
    }

    @Test
    void shouldAnswer400WhenTheBodyBreaksOff() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> BoundedBody.read(broken, -1, 100))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(400))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("connection reset"));
    }
}
