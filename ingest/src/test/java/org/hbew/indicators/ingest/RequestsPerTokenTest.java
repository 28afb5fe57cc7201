package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hbew.indicators.http.ApiError;
import org.junit.jupiter.api.Test;

class RequestsPerTokenTest {

    private static final TokenStore.Principal ORDOS = new TokenStore.Principal("ordos");
    private static final TokenStore.Principal HOHHOT = new TokenStore.Principal("hohhot");

    @Test
    void shouldAnswer429WithRetryAfterBeyondTheTokensShareOnly() {
        RequestsPerToken requests = new RequestsPerToken(2);
        requests.acquire(ORDOS);
        requests.acquire(ORDOS);

        assertThatThrownBy(() -> requests.acquire(ORDOS))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(429))
                .satisfies(e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)))
                .satisfies(e -> assertThat(e.getMessage()).contains("ordos").contains("2 requests open"))
                .extracting(ApiError::code).isEqualTo("too_many_requests");
        assertThat(requests.acquire(HOHHOT)).isNotNull();
    }

    @Test
    void shouldGiveAPlaceBackOnceHoweverOftenItIsReleased() {
        RequestsPerToken requests = new RequestsPerToken(1);
        RequestsPerToken.Permit permit = requests.acquire(ORDOS);

        permit.release();
        permit.release();

        assertThat(requests.open(ORDOS)).isZero();
        requests.acquire(ORDOS);
        assertThat(requests.open(ORDOS)).isEqualTo(1);
    }
}
