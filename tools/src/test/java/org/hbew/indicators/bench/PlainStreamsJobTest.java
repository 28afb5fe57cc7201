package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.hbew.indicators.kafka.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlainStreamsJobTest {

    private static final Instant EIGHT = Instant.parse("2024-09-01T08:00:00Z");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> raw;
    private TestOutputTopic<String, String> sums;

    @BeforeEach
    void startTheJob() {
        Properties properties = PlainStreamsJob.properties("unused:9", stateDir, Duration.ofSeconds(1));
        // The test driver runs no commits of its own; without the cache every update is an output record.
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(PlainStreamsJob.topology(Duration.ofHours(1)), properties);
        raw = driver.createInputTopic(Topics.RAW.name(), new StringSerializer(), new ByteArraySerializer());
        sums = driver.createOutputTopic(PlainStreamsJob.OUTPUT_TOPIC, new StringDeserializer(),
                new StringDeserializer());
    }

    @AfterEach
    void closeTheJob() {
        driver.close();
    }

    @Test
    void shouldCountAndSumTheValuesOfEachRawKeyPerHourOfEventTime() {
        // Given two plain events and a flow event of ordos's item 2 in the hour from 08:00, one in the next hour,
        // and one of hohhot
        raw.pipeInput("2:ordos", json("{\"value\":12.5}"), EIGHT.plusSeconds(60));
        raw.pipeInput("2:ordos", json("{\"value\":7.5,\"unit\":\"km\"}"), EIGHT.plusSeconds(120));
        raw.pipeInput("2:ordos", json("{\"payload\":{\"amount\":3}}"), EIGHT.plusSeconds(180));
        raw.pipeInput("2:ordos", json("{\"value\":1}"), EIGHT.plusSeconds(3_600));
        raw.pipeInput("2:hohhot", json("{\"value\":4}"), EIGHT.plusSeconds(10));

        // Then every update is emitted, keyed by the raw key and the window's start, and nothing more
        assertThat(sums.readKeyValuesToList()).containsExactly(
                KeyValue.pair("2:ordos@2024-09-01T08:00:00Z", "{\"count\":1,\"sum\":12.5}"),
                KeyValue.pair("2:ordos@2024-09-01T08:00:00Z", "{\"count\":2,\"sum\":20.0}"),
                KeyValue.pair("2:ordos@2024-09-01T08:00:00Z", "{\"count\":3,\"sum\":20.0}"),
                KeyValue.pair("2:ordos@2024-09-01T09:00:00Z", "{\"count\":1,\"sum\":1.0}"),
                KeyValue.pair("2:hohhot@2024-09-01T08:00:00Z", "{\"count\":1,\"sum\":4.0}"));
    }

    @Test
    void shouldDropWhatIsNotJsonInsteadOfStopping() {
        raw.pipeInput("2:ordos", json("not json {"), EIGHT);
        raw.pipeInput("2:ordos", json("{\"value\":2}"), EIGHT);

        assertThat(sums.readKeyValuesToList()).containsExactly(
                KeyValue.pair("2:ordos@2024-09-01T08:00:00Z", "{\"count\":1,\"sum\":2.0}"));
    }

    @Test
    void shouldRunUnderExactlyOnceWithOneThreadAndTheProcessorsCommitInterval() {
        Properties properties = PlainStreamsJob.properties("broker:9092", stateDir, Duration.ofSeconds(1));

        assertThat(properties).containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1_000L)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, PlainStreamsJob.APPLICATION_ID)
                .doesNotContainKey(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
