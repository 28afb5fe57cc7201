package org.hbew.indicators.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.junit.jupiter.api.Test;

/**
 * Standalone runs the same topology as {@code ./hbew processors}: the settings the builder makes, which launcher's
 * ProcessorsCommandConfigTest checks the processors command derives. Nothing is started.
 */
class StandaloneSettingsTest {

    @Test
    void shouldDeriveTheDefaultTopologyOfTheProcessors() {
        assertThat(Standalone.topologySettings(StandaloneConfig.defaults(Path.of("data"))))
                .isEqualTo(TopologySettings.builder().build());
    }

    @Test
    void shouldDeriveTheTopologyOfAGraceAsTheProcessorsDo() {
        StandaloneConfig standalone = StandaloneConfig.defaults(Path.of("data")).withGrace(Duration.ofHours(2));

        assertThat(Standalone.topologySettings(standalone))
                .isEqualTo(TopologySettings.builder().grace(Duration.ofHours(2)).build());
    }
}
