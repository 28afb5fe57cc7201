package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
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
        assertThat(config.readToken()).isEmpty();
        assertThat(config.tls()).isNull();
    }

    @Test
    void shouldChangeInACopyOnlyWhatItIsTold() {
        // Given a configuration that differs from the defaults in every setting
        IngestConfig config = everySettingChanged();

        // When a copy changes its port
        IngestConfig copy = config.toBuilder().port(9999).build();

        // Then the copy has that port and everything else of the original
        assertThat(copy.port()).isEqualTo(9999);
        assertThat(copy.toBuilder().port(config.port()).build()).isEqualTo(config);
        assertThat(config.toBuilder().build()).as("a copy that changes nothing").isEqualTo(config);
    }

    @Test
    void shouldOfferASetterForEverySetting() {
        for (RecordComponent component : IngestConfig.class.getRecordComponents()) {
            assertThat(Arrays.stream(IngestConfig.Builder.class.getMethods()).map(Method::getName))
                    .as("the builder's setter of %s", component.getName()).contains(component.getName());
        }
    }

    @Test
    void shouldGrowTheInFlightBoundWithTheEventLimitUnlessItIsSet() {
        IngestConfig grown = IngestConfig.builder("localhost:9092", TOKENS).maxEventsPerRequest(30_000).build();
        IngestConfig set = IngestConfig.builder("localhost:9092", TOKENS).maxEventsPerRequest(3)
                .maxInFlightEvents(3).build();

        assertThat(grown.maxInFlightEvents()).isEqualTo(30_000);
        assertThat(grown.toBuilder().maxEventsPerRequest(40_000).build().maxInFlightEvents()).isEqualTo(40_000);
        assertThat(set.maxInFlightEvents()).isEqualTo(3);
    }

    @Test
    void shouldRefuseAnInFlightBoundBelowOneFullRequest() {
        IngestConfig config = IngestConfig.defaults("localhost:9092", TOKENS);

        assertThatThrownBy(() -> config.toBuilder().maxInFlightEvents(config.maxEventsPerRequest() - 1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxInFlightEvents");
        assertThatThrownBy(() -> config.toBuilder().port(70_000).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.toBuilder().sendTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.toBuilder().bodyReadTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> config.toBuilder().maxConcurrentRequestsPerToken(0).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNameProducerOverridesButNotShowTheirValues() {
        IngestConfig config = IngestConfig.builder("localhost:9092", TOKENS)
                .producerOverrides(Map.of("sasl.jaas.config", "password=\"hunter2\"")).build();

        assertThat(config.toString()).contains("sasl.jaas.config").doesNotContain("hunter2");
    }

    private static IngestConfig everySettingChanged() {
        IngestConfig defaults = IngestConfig.defaults("localhost:9092", TOKENS);
        IngestConfig changed = IngestConfig.builder("kafka-1:9092", TOKENS)
                .host("127.0.0.1")
                .port(18080)
                .tokens(TokenStore.of(Map.of("hohhot", "h")))
                .maxBodyBytes(1_000)
                .maxEventsPerRequest(10)
                .maxClockSkew(Duration.ofMinutes(1))
                .maxEventAge(Duration.ofDays(2))
                .maxInFlightEvents(20)
                .producerOverrides(Map.of("linger.ms", "7"))
                .sendTimeout(Duration.ofSeconds(3))
                .bodyReadTimeout(Duration.ofSeconds(4))
                .maxConcurrentRequestsPerToken(5)
                .readToken("r")
                .tls(new IngestConfig.TlsKeystore(Path.of("keystore.p12"), "p"))
                .build();
        for (RecordComponent component : IngestConfig.class.getRecordComponents()) {
            assertThat(value(component, changed)).as("%s changed", component.getName())
                    .isNotEqualTo(value(component, defaults));
        }
        return changed;
    }

    private static Object value(RecordComponent component, IngestConfig config) {
        try {
            return component.getAccessor().invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
