package org.hbew.indicators.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.processors.metrics.PipelineMetrics;
import org.junit.jupiter.api.Test;

class TopologySettingsTest {

    @Test
    void shouldDefaultToTheContractsWindowsAndLeaveThePartitionsToTheCluster() {
        TopologySettings settings = TopologySettings.builder().build();

        assertThat(settings.windows()).extracting(WindowSpec::name).containsExactly("1h", "1d");
        assertThat(settings.grace()).isEqualTo(TopologySettings.DEFAULT_GRACE);
        assertThat(settings.retention()).isEqualTo(TopologySettings.DEFAULT_RETENTION);
        assertThat(settings.dedupeHorizon()).isEqualTo(TopologySettings.DEFAULT_DEDUPE_HORIZON);
        assertThat(settings.statusInterval()).isEqualTo(TopologySettings.DEFAULT_STATUS_INTERVAL);
        assertThat(settings.emitInterval()).isEqualTo(TopologySettings.DEFAULT_EMIT_INTERVAL);
        assertThat(settings.maxFutureSkew()).isEqualTo(TopologySettings.DEFAULT_MAX_FUTURE_SKEW);
        assertThat(settings.rawPartitions()).isEqualTo(TopologySettings.PARTITIONS_OF_THE_CLUSTER);
        assertThat(TopologySettings.defaults(4)).isEqualTo(settings.toBuilder().rawPartitions(4).build());
    }

    @Test
    void shouldChangeInACopyOnlyWhatItIsTold() {
        // Given settings that differ from the defaults in everything
        TopologySettings defaults = TopologySettings.builder().build();
        TopologySettings settings = TopologySettings.builder()
                .windows(List.of(WindowSpec.parse("30m"), WindowSpec.parse("1h")))
                .grace(Duration.ofMinutes(10))
                .retention(Duration.ofDays(3))
                .dedupeHorizon(Duration.ofDays(1))
                .statusInterval(Duration.ofSeconds(1))
                .rawPartitions(3)
                .emitInterval(Duration.ofMillis(50))
                .maxFutureSkew(Duration.ofMinutes(1))
                .build();
        for (RecordComponent component : TopologySettings.class.getRecordComponents()) {
            assertThat(value(component, settings)).as("%s changed", component.getName())
                    .isNotEqualTo(value(component, defaults));
        }

        // When a copy learns the partitions of the cluster (as the processors do at start-up)
        TopologySettings started = settings.toBuilder().rawPartitions(12).build();

        // Then it keeps everything else, the emit interval and the future bound included
        assertThat(started.rawPartitions()).isEqualTo(12);
        assertThat(started.toBuilder().rawPartitions(3).build()).isEqualTo(settings);
    }

    @Test
    void shouldOfferASetterForEverySetting() {
        for (RecordComponent component : TopologySettings.class.getRecordComponents()) {
            assertThat(Arrays.stream(TopologySettings.Builder.class.getMethods()).map(Method::getName))
                    .as("the builder's setter of %s", component.getName()).contains(component.getName());
        }
    }

    @Test
    void shouldRefuseAGraceTheRetentionCannotHold() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> TopologySettings.builder().grace(Duration.ofDays(35)).build())
                .withMessageContaining("grace 35d is too long");
    }

    @Test
    void shouldNotBuildTheTopologyBeforeThePartitionsAreKnown() {
        PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry(), CatalogLoader.loadDefault());

        assertThatIllegalArgumentException()
                .isThrownBy(() -> new IndicatorTopology(CatalogLoader.loadDefault(), TopologySettings.builder().build(),
                        metrics))
                .withMessageContaining("partitions of hbew.events.raw");
    }

    private static Object value(RecordComponent component, TopologySettings settings) {
        try {
            return component.getAccessor().invoke(settings);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
