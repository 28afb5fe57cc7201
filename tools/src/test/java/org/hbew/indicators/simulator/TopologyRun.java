package org.hbew.indicators.simulator;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.processors.StreamsSettings;
import org.hbew.indicators.processors.metrics.PipelineMetrics;
import org.hbew.indicators.processors.topology.IndicatorTopology;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.records.IndicatorStatus;
import org.hbew.indicators.records.Status;

/**
 * The simulator's events through the processors' real topology on a {@link TopologyTestDriver}: the generator's
 * clock and the driver's wall clock move together, a slice of events at a time, so statuses are re-judged as they
 * would be in a running standalone. What hbew.indicators.status reports is folded into the 22 x 4 grid of cells, each
 * the worst status of its indicators (as the query API shows it).
 */
final class TopologyRun implements AutoCloseable {

    static final Catalog CATALOG = CatalogLoader.loadDefault();
    /** How often the wall clock moves on: the status re-evaluation interval. */
    static final Duration SLICE = TopologySettings.DEFAULT_STATUS_INTERVAL;

    private static final JsonSerde<EventEnvelope> EVENTS = JsonSerde.of(EventEnvelope.class);
    /** LAGGING before STALE before ON_TRACK before NO_DATA, as the status grid ranks them. */
    private static final Status[] SEVERITY = {Status.LAGGING, Status.STALE, Status.ON_TRACK, Status.NO_DATA};

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, byte[]> raw;
    private final TestOutputTopic<String, IndicatorStatus> status;
    private final MutableClock clock;
    private final Map<String, Status> indicators = new HashMap<>();

    TopologyRun(Path stateDir, Instant start) {
        TopologySettings settings = TopologySettings.defaults(1);
        ProcessorsConfig config = ProcessorsConfig.builder("unused:9092", stateDir).topology(settings).build();
        PipelineMetrics metrics = new PipelineMetrics(new SimpleMeterRegistry(), CATALOG);
        Properties props = StreamsSettings.properties(config, metrics);
        driver = new TopologyTestDriver(new IndicatorTopology(CATALOG, settings, metrics).topology(props), props,
                start);
        raw = driver.createInputTopic(Topics.RAW.name(), Topics.RAW.keySerde().serializer(),
                Topics.RAW.valueSerde().serializer());
        status = driver.createOutputTopic(Topics.INDICATORS_STATUS.name(),
                Topics.INDICATORS_STATUS.keySerde().deserializer(),
                Topics.INDICATORS_STATUS.valueSerde().deserializer());
        clock = new MutableClock(start);
    }

    /** A generator on this run's clock. */
    EventGenerator generator(GeneratorSettings settings) {
        return new EventGenerator(CATALOG, settings, clock);
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * Feeds {@code generator}'s events at {@code perSecond} for {@code duration}, telling {@code afterEachSlice} the
     * time run so far and the cells after every slice.
     */
    void run(EventGenerator generator, double perSecond, Duration duration,
             BiConsumer<Duration, Map<String, Status>> afterEachSlice) {
        Duration step = Duration.ofNanos(Math.round(1_000_000_000 / perSecond));
        long eventsPerSlice = SLICE.toNanos() / step.toNanos();
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(duration) < 0; elapsed = elapsed.plus(SLICE)) {
            Instant sliceEnd = clock.instant().plus(SLICE);
            for (long i = 0; i < eventsPerSlice; i++) {
                clock.advance(step);
                send(generator.next().event());
            }
            clock.advance(Duration.between(clock.instant(), sliceEnd));
            driver.advanceWallClockTime(SLICE);
            status.readRecordsToList().forEach(r -> indicators.put(r.key(), r.value().status()));
            afterEachSlice.accept(elapsed.plus(SLICE), cells());
        }
    }

    /** Moves both clocks on with no event at all. */
    void idle(Duration duration) {
        for (Duration elapsed = Duration.ZERO; elapsed.compareTo(duration) < 0; elapsed = elapsed.plus(SLICE)) {
            clock.advance(SLICE);
            driver.advanceWallClockTime(SLICE);
        }
        status.readRecordsToList().forEach(r -> indicators.put(r.key(), r.value().status()));
    }

    /** {@code "<item>:<city>"} to the worst status of the item's indicators in the city, for all 88 cells. */
    Map<String, Status> cells() {
        Map<String, Status> cells = new TreeMap<>();
        CATALOG.items().forEach(item -> CATALOG.cityCodes().forEach(city -> {
            Set<Status> of = EnumSet.noneOf(Status.class);
            item.indicators().forEach(i -> of.add(indicators.getOrDefault(item.number() + ":" + city + ":" + i.code(),
                    Status.NO_DATA)));
            cells.put(item.number() + ":" + city, worst(of));
        }));
        return cells;
    }

    /** {@code "<item>:<city>:<indicator>"} of every indicator now in {@code status}, to say why a cell is in it. */
    Set<String> indicatorsIn(Status status) {
        return indicators.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The cells in {@code status}. */
    static Set<String> cellsIn(Map<String, Status> cells, Status status) {
        return cells.entrySet().stream().filter(e -> e.getValue() == status).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Status worst(Set<Status> statuses) {
        for (Status s : SEVERITY) {
            if (statuses.contains(s)) {
                return s;
            }
        }
        return Status.NO_DATA;
    }

    private void send(EventEnvelope event) {
        raw.pipeInput(new TestRecord<>(event.rawKey(), EVENTS.toBytes(event), new RecordHeaders(),
                Instant.ofEpochMilli(event.occurredAtMillis())));
    }

    @Override
    public void close() {
        driver.close();
    }
}
