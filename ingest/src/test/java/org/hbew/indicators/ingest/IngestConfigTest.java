package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IngestConfigTest {

    private static final TokenStore TOKENS = TokenStore.of(Map.of("admin", "t"));

    @Test
    void shouldDefaultToTheContract() {
        IngestConfig config = IngestConfig.defaults("localhost:9092", TOKENS);

        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.maxBodyBytes()).isEqualTo(1024 * 1024);
        assertThat(config.maxEventsPerRequest()).isEqualTo(5_000);
        assertThat(config.maxClockSkew()).isEqualTo(Duration.ofMinutes(5));
        assertThat(config.maxEventAge()).isEqualTo(Duration.ofDays(30));
        assertThat(config.maxInFlightEvents()).isGreaterThanOrEqualTo(config.maxEventsPerRequest());
        assertThat(config.producerOverrides()).isEmpty();
        assertThat(config.sendTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.bodyReadTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.maxConcurrentRequestsPerToken()).isEqualTo(32);
    }

    @Test
    void shouldChangeOneConcernAtATime() {
        IngestConfig config = IngestConfig.defaults("localhost:9092", TOKENS)
                .withBind("127.0.0.1", 0)
                .withLimits(1_000, 30_000)
                .withSendTimeout(Duration.ofSeconds(3))
                .withSenderLimits(Duration.ofSeconds(4), 5);

        assertThat(config.host()).isEqualTo("127.0.0.1");
        assertThat(config.bodyReadTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(config.maxConcurrentRequestsPerToken()).isEqualTo(5);
        assertThat(config.port()).isZero();
        assertThat(config.maxBodyBytes()).isEqualTo(1_000);
        assertThat(config.maxInFlightEvents()).as("grows with the event limit").isEqualTo(30_000);
        assertThat(config.sendTimeout()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void shouldRefuseAnInFlightBoundBelowOneFullRequest() {
        IngestConfig config = IngestConfig.defaults("localhost:9092", TOKENS);

        assertThatThrownBy(() -> config.withMaxInFlightEvents(config.maxEventsPerRequest() - 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInFlightEvents");
        assertThatThrownBy(() -> config.withBind("0.0.0.0", 70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withSendTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withSenderLimits(Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.withSenderLimits(Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNameProducerOverridesButNotShowTheirValues() {
        IngestConfig config = IngestConfig.defaults("localhost:9092", TOKENS)
                .withProducerOverrides(Map.of("sasl.jaas.config", "password=\"hunter2\""));

        assertThat(config.toString()).contains("sasl.jaas.config").doesNotContain("hunter2");
    }
}
