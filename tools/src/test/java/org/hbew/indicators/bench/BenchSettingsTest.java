package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchSettingsTest {

    private final BenchSettings settings = settings(List.of(100, 500, 1000), Set.of(BenchPhase.ALOS));

    @Test
    void shouldShrinkEverythingForAQuickRunButKeepItsPhases() {
        BenchSettings quick = settings.quick();

        assertThat(quick.events()).isEqualTo(3_000);
        assertThat(quick.warmupEvents()).isEqualTo(500);
        assertThat(quick.batchSizes()).containsExactly(100);
        assertThat(quick.clients()).containsExactly(2);
        assertThat(quick.loadSeconds()).isEqualTo(2);
        assertThat(quick.baselineRecords()).isEqualTo(50_000);
        assertThat(quick.latencySeconds()).isEqualTo(4);
        assertThat(quick.memoryEvents()).isEqualTo(20_000);
        assertThat(quick.skipped()).containsExactly(BenchPhase.ALOS);
        assertThat(quick.streamThreads()).isEqualTo(2);
        assertThat(quick.javaOptions()).isEqualTo("-Xmx1g");
    }

    @Test
    void shouldLeaveOutTheLatencyWithTheProcessorsItLoads() {
        BenchSettings withoutProcessors = settings(List.of(100), Set.of(BenchPhase.PROCESSORS));

        assertThat(withoutProcessors.skips(BenchPhase.LATENCY)).isTrue();
        assertThat(withoutProcessors.skips(BenchPhase.ALOS)).isFalse();
        assertThat(settings.skips(BenchPhase.LATENCY)).isFalse();
        assertThat(settings.skips(BenchPhase.ALOS)).isTrue();
    }

    @Test
    void shouldDiscardTheFirstQuarterOfTheLatencyPhase() {
        assertThat(settings.latencyWarmupSeconds()).isEqualTo(5.0);
        assertThat(settings.quick().latencyWarmupSeconds()).isEqualTo(1.0);
    }

    @Test
    void shouldRefuseBatchesIngestWouldRefuse() {
        assertThatIllegalArgumentException().isThrownBy(() -> settings(List.of(5001), Set.of()))
                .withMessageContaining("batch size must be between 1 and 5000");
    }

    @Test
    void shouldRefuseNothingToMeasure() {
        assertThatIllegalArgumentException().isThrownBy(() -> new BenchSettings(0, 0, List.of(100), List.of(1), 1,
                1, 0, 1, "", 1, 20, 1, Set.of())).withMessageContaining("events must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> settings(List.of(), Set.of()))
                .withMessageContaining("at least one batch size");
        assertThatIllegalArgumentException().isThrownBy(() -> new BenchSettings(10, 0, List.of(100), List.of(1), 1,
                1, 0, 1, "", 0, 20, 1, Set.of())).withMessageContaining("baseline records must be positive");
        assertThatIllegalArgumentException().isThrownBy(() -> new BenchSettings(10, 0, List.of(100), List.of(1), 1,
                1, 0, 1, "", 1, 1, 1, Set.of())).withMessageContaining("latency seconds must be between 2 and 3600");
    }

    private static BenchSettings settings(List<Integer> batchSizes, Set<BenchPhase> skipped) {
        return new BenchSettings(200_000, 40_000, batchSizes, List.of(4, 8), 4, 2, 7, 10,
                " -Xmx1g ", 1_000_000, 20, 1_000_000, skipped);
    }
}
