package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.streams.StreamsConfig;
import org.hbew.indicators.kafka.TopicSpec;
import org.hbew.indicators.kafka.Topics;
import org.junit.jupiter.api.Test;

/**
 * What the benchmark refuses to find on an external cluster and what it counts as its own. The removal itself
 * runs against a real secured broker in BenchExternalClusterIT.
 */
class BenchFootprintTest {

    private static final String CLUSTER = "kafka-1:9092";

    @Test
    void shouldRefuseAClusterThatHoldsAnyOfTheProductsTopicsNamingThem() {
        assertThat(BenchFootprint.refusal(CLUSTER, List.of("__consumer_offsets", "hbew.targets", "hbew.events.raw",
                "orders"), List.of("hbew-processors")))
                .hasValueSatisfying(why -> assertThat(why).startsWith("refusing to run on kafka-1:9092: the product's "
                        + "topics hbew.events.raw, hbew.targets already exist there.")
                        .contains("runs only on a cluster the product does not use yet, or on a test cluster",
                                "Nothing was written.")
                        .doesNotContain("__consumer_offsets", "orders"));
    }

    @Test
    void shouldRefuseWhatAnEarlierBenchmarkLeftBehind() {
        assertThat(BenchFootprint.refusal(CLUSTER, List.of("hbew.bench.b0",
                "hbew-bench-plain-plain-hourly-count-and-sum-changelog", "orders"), List.of("hbew-bench-plain")))
                .hasValueSatisfying(why -> assertThat(why).contains("an earlier benchmark left the topics "
                        + "hbew-bench-plain-plain-hourly-count-and-sum-changelog, hbew.bench.b0 and the consumer "
                        + "groups hbew-bench-plain there", "kafka-topics.sh --delete", "Nothing was written."));
    }

    @Test
    void shouldRunOnAClusterWithOnlyOtherTopicsAndGroups() {
        assertThat(BenchFootprint.refusal(CLUSTER, List.of("__consumer_offsets", "orders", "hbew.other"),
                List.of("billing", "hbew-processors"))).isEmpty();
    }

    @Test
    void shouldNameEverythingItCreatesWithinItsOwnNames() {
        Stream.of(BaselineRun.TOPIC, PlainStreamsJob.OUTPUT_TOPIC)
                .forEach(topic -> assertThat(BenchNames.isBenchTopic(topic)).as(topic).isTrue());
        Stream.of(ProcessorsRun.applicationId(StreamsConfig.EXACTLY_ONCE_V2),
                        ProcessorsRun.applicationId(StreamsConfig.AT_LEAST_ONCE), ProcessorsRun.WARM_UP_APPLICATION_ID,
                        MemoryRun.APPLICATION_ID,
                        PlainStreamsJob.APPLICATION_ID)
                .forEach(id -> {
                    assertThat(BenchNames.isBenchGroup(id)).as(id).isTrue();
                    assertThat(BenchNames.isBenchTopic(id + "-some-store-changelog")).as(id).isTrue();
                });
        Topics.all().stream().map(TopicSpec::name).forEach(topic -> {
            assertThat(BenchNames.isProductTopic(topic)).as(topic).isTrue();
            assertThat(BenchNames.isBenchTopic(topic)).as(topic).isFalse();
        });
        assertThat(BenchNames.isBenchGroup("hbew-processors")).isFalse();
        assertThat(BenchNames.isBenchTopic("hbew-processors-windows-changelog")).isFalse();
    }

    @Test
    void shouldSayDurationsAsTheyAreTyped() {
        assertThat(BenchFootprint.text(Duration.ofSeconds(30))).isEqualTo("30 s");
        assertThat(BenchFootprint.text(Duration.ofMillis(1500))).isEqualTo("1500 ms");
    }
}
