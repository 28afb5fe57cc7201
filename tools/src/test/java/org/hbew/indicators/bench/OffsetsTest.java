package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class OffsetsTest {

    private static final TopicPartition P0 = new TopicPartition("hbew.events.raw", 0);
    private static final TopicPartition P1 = new TopicPartition("hbew.events.raw", 1);
    private static final TopicPartition P2 = new TopicPartition("hbew.events.raw", 2);

    private final Map<TopicPartition, Long> end = Map.of(P0, 1_000L, P1, 500L, P2, 0L);

    @Test
    void shouldCountWhatIsLeftOnEveryPartitionIncludingThoseNotCommittedYet() {
        assertThat(Offsets.behind(end, Map.of(P0, 400L))).isEqualTo(600 + 500);
        assertThat(Offsets.behind(end, Map.of())).isEqualTo(1_500);
    }

    @Test
    void shouldBeCaughtUpOnceEveryPartitionReachedItsEndEvenIfItWentFurther() {
        // records appended after the end offsets were taken (the latency phase's) are not waited for
        assertThat(Offsets.behind(end, Map.of(P0, 1_200L, P1, 500L))).isZero();
        assertThat(Offsets.total(end)).isEqualTo(1_500);
    }
}
