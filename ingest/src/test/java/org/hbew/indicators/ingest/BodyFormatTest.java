package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.hbew.indicators.http.ApiError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BodyFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8",
            "application/json;charset=\"UTF-8\""})
    void shouldAcceptJson(String contentType) {
        assertThat(BodyFormat.of(contentType)).isEqualTo(BodyFormat.JSON);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-ndjson", "application/x-ndjson; charset=utf-8"})
    void shouldAcceptNdjson(String contentType) {
        assertThat(BodyFormat.of(contentType)).isEqualTo(BodyFormat.NDJSON);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"text/plain", "application/xml", "multipart/form-data; boundary=x",
            "application/json; charset=iso-8859-1", "application/jsonx", ";", ";;"})
    void shouldAnswer415ToAnythingElse(String contentType) {
        assertThatThrownBy(() -> BodyFormat.of(contentType))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(415))
                .satisfies(e -> assertThat(e.getMessage()).contains("not accepted"));
    }
}
