package org.hbew.indicators.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The settings contract of {@link EmbeddedKafkaBroker}; nothing here starts a broker (see
 * {@link EmbeddedKafkaBrokerIT} for that).
 */
class EmbeddedKafkaBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldRejectTheConventionalControllerPort() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmbeddedKafkaBroker.builder(dataDir).controllerPort(9093))
                .withMessageContaining("9093");
    }

    @Test
    void shouldRejectPortsOutOfRange() {
        assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedKafkaBroker.builder(dataDir).brokerPort(-1));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmbeddedKafkaBroker.builder(dataDir).controllerPort(65_536));
    }

    @Test
    void shouldRejectTheSameFixedPortForBothListeners() {
        EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder(dataDir).brokerPort(19_092)
                .controllerPort(19_092);

        assertThatIllegalArgumentException().isThrownBy(builder::build).withMessageContaining("19092");
    }

    @Test
    void shouldRejectOverridesOfDerivedProperties() {
        for (String reserved : EmbeddedKafkaBroker.RESERVED_PROPERTIES) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> EmbeddedKafkaBroker.builder(dataDir).brokerProperty(reserved, "x"))
                    .withMessageContaining(reserved);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> EmbeddedKafkaBroker.builder(dataDir)
                .brokerProperties(Map.of("listeners", "PLAINTEXT://127.0.0.1:9092")));
    }

    @Test
    void shouldAcceptOverridesOfTuningDefaults() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir)
                .brokerProperties(Map.of("num.io.threads", "4", "log.segment.bytes", "1048576"))
                .startTimeout(Duration.ofSeconds(5))
                .build();

        assertThat(broker).isNotNull();
    }

    @Test
    void shouldRejectANonPositiveStartTimeout() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> EmbeddedKafkaBroker.builder(dataDir).startTimeout(Duration.ZERO));
    }

    @Test
    void shouldNotReportPortsBeforeStart() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).build();

        assertThatIllegalStateException().isThrownBy(broker::bootstrapServers);
        assertThatIllegalStateException().isThrownBy(broker::controllerPort);
    }

    @Test
    void shouldRefuseToStartAfterClose() {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dataDir).build();
        broker.close();
        broker.close();

        assertThatIllegalStateException().isThrownBy(broker::start).withMessageContaining("only once");
    }
}
