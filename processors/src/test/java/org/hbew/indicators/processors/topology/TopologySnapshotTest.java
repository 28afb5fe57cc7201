package org.hbew.indicators.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.TopologyDescription;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.processors.StreamsSettings;
import org.hbew.indicators.processors.metrics.PipelineMetrics;
import org.junit.jupiter.api.Test;

/**
 * The topology as Kafka Streams describes it, against a checked-in snapshot: a change to node,
 * store or topic names breaks the state of running deployments, so it must be a deliberate one.
 * To accept an intended change, run with {@code -Dhbew.topology.update=true} and commit the file.
 */
class TopologySnapshotTest {

    private static final String SNAPSHOT = "expected-topology.txt";

    private static TopologyDescription describe() {
        ProcessorsConfig config = ProcessorsConfig.defaults("unused:9092", Path.of("target/snapshot-state"));
        // As the processors have it once started, having asked the cluster for the partitions of hbew.events.raw.
        TopologySettings settings = config.topology().toBuilder().rawPartitions(Topics.DEFAULT_PARTITIONS).build();
        PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry(), TopologyHarness.CATALOG);
        Properties props = StreamsSettings.properties(config, metrics);
        return new IndicatorTopology(TopologyHarness.CATALOG, settings, metrics).topology(props).describe();
    }

    @Test
    void shouldMatchTheCheckedInTopology() throws IOException {
        String actual = describe().toString();

        if (Boolean.getBoolean("hbew.topology.update")) {
            Files.writeString(Path.of("src/test/resources", SNAPSHOT), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(SNAPSHOT)) {
            assertThat(in).as("snapshot %s on the test classpath", SNAPSHOT).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * StreamsSettings turns task idling off, which is only right while no task reads two partitions at once: a
     * join or a merge of two topics would need it back.
     */
    @Test
    void shouldReadOneTopicInEverySubtopology() {
        for (TopologyDescription.Subtopology subtopology : describe().subtopologies()) {
            List<String> topics = subtopology.nodes().stream()
                    .filter(node -> node instanceof TopologyDescription.Source)
                    .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream())
                    .toList();
            assertThat(topics).as("source topics of sub-topology %d", subtopology.id()).hasSize(1);
        }
    }
}
