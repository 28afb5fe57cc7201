package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.Map;
import org.hbew.indicators.ingest.IngestConfig;
import org.hbew.indicators.ingest.TokenStore;
import org.junit.jupiter.api.Test;

class GatewayProducerSettingsTest {

    /**
     * The gateway's settings are package-private in ingest; read through reflection here, in a test only, so the
     * baseline fails the build instead of drifting when the gateway's tuning changes.
     */
    @Test
    void shouldMirrorTheGatewaysProducerSettings() throws ReflectiveOperationException {
        IngestConfig config = IngestConfig.defaults("broker:9092", TokenStore.parse("admin=x"));
        Method producer = Class.forName("org.hbew.indicators.ingest.ProducerSettings")
                .getDeclaredMethod("producer", IngestConfig.class);
        producer.setAccessible(true);

        Object gateways = producer.invoke(null, config);

        assertThat(GatewayProducerSettings.producer("broker:9092")).isEqualTo((Map<?, ?>) gateways);
    }
}
