package org.hbew.indicators.processors;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.GroupProtocol;
import org.apache.kafka.streams.StreamsConfig;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.processors.metrics.PipelineMetrics;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.processors.topology.WindowSpec;
import org.junit.jupiter.api.Test;

class ProcessorsConfigTest {

    private static final Path STATE = Path.of("state");

    @Test
    void shouldDefaultToOneInstanceThatAsksTheClusterForItsPartitions() {
        ProcessorsConfig config = ProcessorsConfig.defaults("localhost:9092", STATE);

        assertThat(config.applicationId()).isEqualTo(ProcessorsConfig.DEFAULT_APPLICATION_ID);
        assertThat(config.httpPort()).isEqualTo(ProcessorsConfig.DEFAULT_HTTP_PORT);
        assertThat(config.groupProtocol()).isEqualTo(GroupProtocol.CLASSIC);
        assertThat(config.commitInterval()).isEqualTo(ProcessorsConfig.DEFAULT_COMMIT_INTERVAL);
        assertThat(config.topology()).isEqualTo(TopologySettings.builder().build());
        assertThat(config.topology().rawPartitions()).isEqualTo(TopologySettings.PARTITIONS_OF_THE_CLUSTER);
    }

    @Test
    void shouldChangeInACopyOnlyWhatItIsTold() {
        // Given a configuration that differs from the defaults in every setting
        ProcessorsConfig config = everySettingChanged();

        // When a copy changes its port
        ProcessorsConfig copy = config.toBuilder().httpPort(9999).build();

        // Then the copy has that port and everything else of the original
        assertThat(copy.httpPort()).isEqualTo(9999);
        assertThat(copy.applicationServer()).isEqualTo(config.advertisedHost() + ":9999");
        assertThat(copy.toBuilder().httpPort(config.httpPort()).build()).isEqualTo(config);
        assertThat(config.toBuilder().build()).as("a copy that changes nothing").isEqualTo(config);
    }

    @Test
    void shouldOfferASetterForEverySetting() {
        for (RecordComponent component : ProcessorsConfig.class.getRecordComponents()) {
            assertThat(Arrays.stream(ProcessorsConfig.Builder.class.getMethods()).map(Method::getName))
                    .as("the builder's setter of %s", component.getName()).contains(component.getName());
        }
    }

    @Test
    void shouldGiveKafkaStreamsTheGroupProtocolByItsName() {
        Properties classic = StreamsSettings.properties(ProcessorsConfig.defaults("localhost:9092", STATE), metrics());
        Properties streams = StreamsSettings.properties(ProcessorsConfig.builder("localhost:9092", STATE)
                .groupProtocol(GroupProtocol.STREAMS).build(), metrics());

        assertThat(classic).containsEntry(StreamsConfig.GROUP_PROTOCOL_CONFIG, "classic")
                .containsKey(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        assertThat(streams).containsEntry(StreamsConfig.GROUP_PROTOCOL_CONFIG, "streams")
                .doesNotContainKey(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG));
        assertThat(new StreamsConfig(streams).getString(StreamsConfig.GROUP_PROTOCOL_CONFIG)).isEqualTo("streams");
    }

    @Test
    void shouldNeverShowTheReadTokenOrASecretOverride() {
        ProcessorsConfig config = ProcessorsConfig.builder("localhost:9092", STATE).readToken("read-secret")
                .streamsOverrides(Map.of("sasl.jaas.config", "password=\"hunter2\"")).build();

        assertThat(config.toString()).contains("sasl.jaas.config", "readToken=[hidden]")
                .doesNotContain("read-secret", "hunter2");
    }

    private static ProcessorsConfig everySettingChanged() {
        ProcessorsConfig defaults = ProcessorsConfig.defaults("localhost:9092", STATE);
        ProcessorsConfig changed = ProcessorsConfig.builder("kafka-1:9092", Path.of("elsewhere"))
                .applicationId("hbew-processors-blue")
                .httpHost("127.0.0.1")
                .httpPort(18081)
                .advertisedHost("processors-1")
                .streamThreads(2)
                .standbyReplicas(1)
                .replicationFactor(3)
                .groupProtocol(GroupProtocol.STREAMS)
                .commitInterval(Duration.ofSeconds(1))
                .topology(TopologySettings.builder().windows(List.of(WindowSpec.parse("1h"))).rawPartitions(6)
                        .build())
                .citySilenceAfter(Duration.ofMinutes(30))
                .streamsOverrides(Map.of("linger.ms", "7"))
                .readToken("r")
                .build();
        for (RecordComponent component : ProcessorsConfig.class.getRecordComponents()) {
            assertThat(value(component, changed)).as("%s changed", component.getName())
                    .isNotEqualTo(value(component, defaults));
        }
        return changed;
    }

    private static Object value(RecordComponent component, ProcessorsConfig config) {
        try {
            return component.getAccessor().invoke(config);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PipelineMetrics metrics() {
        return new PipelineMetrics(new SimpleMeterRegistry(), CatalogLoader.loadDefault());
    }
}
