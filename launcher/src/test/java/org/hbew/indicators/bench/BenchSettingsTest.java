package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    private final BenchSettings settings = new BenchSettings(200_000, 40_000, List.of(100, 500, 1000), List.of(4, 8),
            4, 2, 7, 10, false, false, " -Xmx1g ");

    @Test
    void shouldShrinkEverythingForAQuickRunButKeepItsPhases() {
        BenchSettings quick = settings.quick();

        assertThat(quick.events()).isEqualTo(3_000);
        assertThat(quick.warmupEvents()).isEqualTo(500);
        assertThat(quick.batchSizes()).containsExactly(100);
        assertThat(quick.clients()).containsExactly(2);
        assertThat(quick.loadSeconds()).isEqualTo(2);
        assertThat(quick.skipProcessors()).isFalse();
        assertThat(quick.skipStandalone()).isFalse();
        assertThat(quick.streamThreads()).isEqualTo(2);
        assertThat(quick.javaOptions()).isEqualTo("-Xmx1g");
    }

    @Test
    void shouldRefuseBatchesIngestWouldRefuse() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BenchSettings(1000, 0, List.of(5001), List.of(1), 1,
                1, 0, 1, false, false, "")).withMessageContaining("batch size must be between 1 and 5000");
    }

    @Test
    void shouldRefuseNothingToMeasure() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BenchSettings(0, 0, List.of(100), List.of(1), 1,
                1, 0, 1, false, false, "")).withMessageContaining("events must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> new BenchSettings(10, 0, List.of(), List.of(1), 1,
                1, 0, 1, false, false, "")).withMessageContaining("at least one batch size");
    }
}
