package org.hbew.indicators.processors.topology;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.kafka.Topic;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.processors.StreamsSettings;
import org.hbew.indicators.processors.metrics.PipelineMetrics;
import org.hbew.indicators.records.CityIndicator;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.IndicatorStatus;
import org.hbew.indicators.records.RegionIndicator;
import org.hbew.indicators.records.TargetRecord;

/** The real topology on a TopologyTestDriver, with the application's own Kafka Streams settings. */
final class TopologyHarness implements AutoCloseable {

    static final Catalog CATALOG = CatalogLoader.loadDefault();

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final TopologyTestDriver driver;
    final Topology topology;
    final TestInputTopic<String, byte[]> raw;
    final TestInputTopic<String, TargetRecord> targets;
    final TestOutputTopic<String, CityIndicator> city;
    final TestOutputTopic<String, RegionIndicator> region;
    final TestOutputTopic<String, IndicatorStatus> status;
    final TestOutputTopic<String, FlowCounts> flows;
    final TestOutputTopic<String, byte[]> dlq;
    final TestOutputTopic<String, byte[]> late;
    private final TopologySettings settings;

    TopologyHarness(Path stateDir, TopologySettings settings, Instant wallClock) {
        this.settings = settings;
        ProcessorsConfig config = ProcessorsConfig.builder("unused:9092", stateDir).topology(settings).build();
        PipelineMetrics metrics = new PipelineMetrics(registry, CATALOG);
        Properties props = StreamsSettings.properties(config, metrics);
        topology = new IndicatorTopology(CATALOG, settings, metrics).topology(props);
        driver = new TopologyTestDriver(topology, props, wallClock);
        raw = input(Topics.RAW);
        targets = input(Topics.TARGETS);
        city = output(Topics.INDICATORS_CITY);
        region = output(Topics.INDICATORS_REGION);
        status = output(Topics.INDICATORS_STATUS);
        flows = output(Topics.FLOWS);
        dlq = output(Topics.DLQ);
        late = output(Topics.LATE);
    }

    private <K, V> TestInputTopic<K, V> input(Topic<K, V> topic) {
        return driver.createInputTopic(topic.name(), topic.keySerde().serializer(), topic.valueSerde().serializer());
    }

    private <K, V> TestOutputTopic<K, V> output(Topic<K, V> topic) {
        return driver.createOutputTopic(topic.name(), topic.keySerde().deserializer(), topic.valueSerde().deserializer());
    }

    /** Pipes an event as ingest would: its raw key, its JSON, its event time as the record timestamp. */
    void send(EventEnvelope event) {
        raw.pipeInput(new TestRecord<>(event.rawKey(), JsonSerde.of(EventEnvelope.class).toBytes(event),
                new RecordHeaders(), Instant.ofEpochMilli(event.occurredAtMillis())));
    }

    void sendRaw(String key, String value, Instant timestamp) {
        raw.pipeInput(new TestRecord<>(key, value.getBytes(StandardCharsets.UTF_8), new RecordHeaders(), timestamp));
    }

    static String header(Headers headers, String name) {
        var h = headers.lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Lets one emit interval pass on the wall clock, so the counting step sends the windows changed so far. */
    void emit() {
        driver.advanceWallClockTime(settings.emitInterval());
    }

    /** What {@code topic} holds once the changed windows were sent ({@link #emit}). */
    <V> List<TestRecord<String, V>> drain(TestOutputTopic<String, V> topic) {
        emit();
        return topic.readRecordsToList();
    }

    @Override
    public void close() {
        driver.close();
    }
}
