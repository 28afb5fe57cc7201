package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hbew.indicators.http.ApiError;
import org.junit.jupiter.api.Test;

class BodyEncodingTest {

    @Test
    void shouldTakeNoCodingIdentityAndGzip() {
        assertThat(BodyEncoding.of(List.of())).isEqualTo(BodyEncoding.IDENTITY);
        assertThat(BodyEncoding.of(List.of("identity"))).isEqualTo(BodyEncoding.IDENTITY);
        assertThat(BodyEncoding.of(List.of(" GZIP "))).isEqualTo(BodyEncoding.GZIP);
    }

    @Test
    void shouldAnswer415ToAnyOtherCodingOrToSeveral() {
        for (List<String> headers : List.of(List.of("br"), List.of("deflate"), List.of("gzip, br"),
                List.of("gzip", "gzip"), List.of("x".repeat(10_000)))) {
            assertThatThrownBy(() -> BodyEncoding.of(headers))
                    .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                    .satisfies(e -> assertThat(e.status()).isEqualTo(415))
                    .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(200))
                    .extracting(ApiError::code).isEqualTo("unsupported_encoding");
        }
    }

    @Test
    void shouldInflateGzipUpToTheLimit() {
        byte[] text = "{\"city\":\"ordos\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(BodyEncoding.GZIP.decode(gzip(text), text.length)).isEqualTo(text);
        assertThat(BodyEncoding.IDENTITY.decode(text, text.length)).isSameAs(text);
    }

    @Test
    void shouldAnswer413ToABombAnd400ToWhatIsNotGzip() {
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);

        assertThat(bomb.length).isLessThan(100_000);
        assertThatThrownBy(() -> BodyEncoding.GZIP.decode(bomb, 1024 * 1024))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(413))
                .extracting(ApiError::code).isEqualTo("body_too_large");
        assertThatThrownBy(() -> BodyEncoding.GZIP.decode("{}".getBytes(StandardCharsets.UTF_8), 100))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .extracting(ApiError::code).isEqualTo("malformed_gzip");
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
