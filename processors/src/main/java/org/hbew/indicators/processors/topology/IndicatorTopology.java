package org.hbew.indicators.processors.topology;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.event.ValidationPolicy;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.kafka.Topic;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.aggregate.AggregateSerdes;
import org.hbew.indicators.processors.aggregate.CityContribution;
import org.hbew.indicators.processors.aggregate.ItemCityWindow;
import org.hbew.indicators.processors.metrics.PipelineMetrics;
import org.hbew.indicators.processors.state.CommitTimeStoreBuilder;
import org.hbew.indicators.processors.state.LiveKeyValueStore;
import org.hbew.indicators.processors.state.LiveWindowStore;
import org.hbew.indicators.processors.state.SeenEventIds;
import org.hbew.indicators.processors.state.TimestampPrefixedSerde;

/**
 * The processors' topology, from raw events to the numbers operators act on.
 *
 * <pre>
 * hbew.events.raw (JSON bytes, key &lt;item&gt;:&lt;city&gt;)
 *   → count-events: invalid, or its time out of bounds? ──→ hbew.events.dlq (bytes as received, reason and origin in headers)
 *                   late? ──late──→ hbew.events.late (the event, how late in a header)
 *                   duplicate (city + eventId within the horizon)? dropped and accounted for
 *                   else counted into every window (1h, 1d) of its item and city, as live objects
 *     every emit interval, the changed windows of each item and city as one update
 *        → emit-city-indicators → hbew.indicators.city
 *        → evaluate-status (+ global store of hbew.targets, wall-clock punctuation) → hbew.indicators.status
 *        → repartition by item → roll-up-cities → hbew.indicators.region and hbew.flows
 * </pre>
 *
 * Up to the windows nothing changes the key, so lateness, duplicates and aggregation are decided in the
 * task that owns the raw partition, with one stream time. The stores of the hot path hold live objects and
 * write what changed once per commit ({@link CountEvents}). Every node, store and internal topic is named
 * so that an upgrade keeps its state.
 */
public final class IndicatorTopology {

    /** Window objects kept in memory per store beyond those changed since the last commit. */
    static final int MAX_CLEAN_WINDOW_OBJECTS = 20_000;

    private final Catalog catalog;
    private final TopologySettings settings;
    private final PipelineMetrics metrics;
    private final EventParser parser;

    /** @throws IllegalArgumentException before the partitions of hbew.events.raw are known */
    public IndicatorTopology(Catalog catalog, TopologySettings settings, PipelineMetrics metrics) {
        if (settings.rawPartitions() == TopologySettings.PARTITIONS_OF_THE_CLUSTER) {
            // A status task finds the keys it owns by hashing them onto the partitions.
            throw new IllegalArgumentException("the partitions of " + Topics.RAW.name()
                    + " must be known before the topology is built");
        }
        this.catalog = catalog;
        this.settings = settings;
        this.metrics = metrics;
        this.parser = new EventParser(catalog, ValidationPolicy.withoutTimeBounds(), Clock.systemUTC());
    }

    /** Builds the topology into {@code builder}; {@link #topology} adds the builder's configuration. */
    public void build(StreamsBuilder builder) {
        addStores(builder);
        KStream<String, ItemCityUpdate> updates = count(builder);

        updates.process(() -> new EmitCityIndicators(catalog), Named.as("emit-city-indicators"))
                .to(Topics.INDICATORS_CITY.name(), produced(Topics.INDICATORS_CITY, "egress-hbew.indicators.city"));
        updates.process(() -> new EvaluateStatus(catalog, settings), Named.as("evaluate-status"),
                        EvaluateStatus.STORE)
                .to(Topics.INDICATORS_STATUS.name(),
                        produced(Topics.INDICATORS_STATUS, "egress-hbew.indicators.status"));
        rollUp(updates);
    }

    /** The topology with the application's configuration applied (explicit naming is enforced from it). */
    public Topology topology(Properties streamsConfig) {
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(streamsConfig)));
        build(builder);
        return builder.build(streamsConfig);
    }

    /**
     * The stores the processor steps share. All but the global targets keep live objects and write what changed
     * at each commit: accounting, stream time, seen ids, window figures and rollup parts on the hot path, and
     * the statuses, which change with every update sent.
     */
    private void addStores(StreamsBuilder builder) {
        builder.addStateStore(Accounting.storeBuilder());
        builder.addStateStore(Accounting.counters(CountEvents.STREAM_TIME_STORE));
        builder.addStateStore(new CommitTimeStoreBuilder<>(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(CountEvents.SEEN_STORE), Serdes.String(), Serdes.ByteArray()),
                SeenEventIds::new));
        Serde<ItemCityWindow> windowFigures = new TimestampPrefixedSerde<>(AggregateSerdes.itemCityWindow(),
                figures -> Math.max(0, figures.lastEventAt()));
        for (WindowSpec window : settings.windows()) {
            builder.addStateStore(liveWindows(window.cityStoreName(), window.size(), windowFigures));
        }
        builder.addStateStore(liveWindows(Rollups.STORE, settings.largestWindow().size(),
                AggregateSerdes.regionPartials()));
        builder.addStateStore(new CommitTimeStoreBuilder<>(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(EvaluateStatus.STORE), Serdes.String(), JsonSerde.of(StatusState.class)),
                LiveKeyValueStore::new));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Targets.STORE),
                                Serdes.String(), Topics.TARGETS.valueSerde()).withLoggingDisabled(),
                Topics.TARGETS.name(),
                Consumed.with(Topics.TARGETS.keySerde(), Topics.TARGETS.valueSerde()).withName("ingest-hbew.targets"),
                Targets.Loader::new);
    }

    private <V> StoreBuilder<LiveWindowStore<V>> liveWindows(String name, Duration windowSize, Serde<V> serde) {
        StoreBuilder<WindowStore<String, V>> inner = Stores.windowStoreBuilder(
                Stores.inMemoryWindowStore(name, settings.retention(), windowSize, false), Serdes.String(), serde);
        return new CommitTimeStoreBuilder<>(inner, store -> new LiveWindowStore<>(store, MAX_CLEAN_WINDOW_OBJECTS));
    }

    /**
     * Read, then late, duplicate or counted, in one node; what leaves it is a dead letter, a late event, or the
     * changed windows of an item and city.
     */
    private KStream<String, ItemCityUpdate> count(StreamsBuilder builder) {
        JsonSerde<EventEnvelope> eventJson = JsonSerde.of(EventEnvelope.class);
        Map<String, KStream<String, Counted>> routes = builder
                .stream(Topics.RAW.name(), Consumed.with(Topics.RAW.keySerde(), Topics.RAW.valueSerde())
                        .withName("ingest-hbew.events.raw"))
                .process(() -> new CountEvents(catalog, parser, settings, metrics), Named.as("count-events"),
                        CountEvents.storeNames(settings))
                .split(Named.as("route-counted-"))
                .branch((key, counted) -> counted instanceof Counted.DeadLetter, Branched.as("dead-letters"))
                .branch((key, counted) -> counted instanceof Counted.Late, Branched.as("late"))
                .defaultBranch(Branched.as("updates"));
        routes.get("route-counted-dead-letters")
                .mapValues(dead -> ((Counted.DeadLetter) dead).raw(), Named.as("unwrap-dead-letters"))
                .to(Topics.DLQ.name(), produced(Topics.DLQ, "egress-hbew.events.dlq"));
        routes.get("route-counted-late")
                .mapValues(late -> eventJson.toBytes(((Counted.Late) late).event()), Named.as("serialize-late-events"))
                .to(Topics.LATE.name(), produced(Topics.LATE, "egress-hbew.events.late"));
        return routes.get("route-counted-updates")
                .mapValues(update -> (ItemCityUpdate) update, Named.as("unwrap-window-updates"));
    }

    private void rollUp(KStream<String, ItemCityUpdate> updates) {
        Map<String, KStream<String, RollupOutput>> routes = updates
                .flatMap((key, u) -> {
                    List<KeyValue<String, CityContribution>> contributions = new ArrayList<>(u.windows().size());
                    for (ItemCityUpdate.WindowFigures w : u.windows()) {
                        contributions.add(KeyValue.pair(Rollups.key(u.item(), w.window().name()),
                                new CityContribution(u.city(), w.window().name(), w.start(), w.end(), w.figures())));
                    }
                    return contributions;
                }, Named.as("key-by-item-window"))
                .repartition(Repartitioned.<String, CityContribution>as("rollup-by-item")
                        .withKeySerde(Serdes.String()).withValueSerde(AggregateSerdes.cityContribution()))
                .process(() -> new RollUpCities(catalog), Named.as("roll-up-cities"), Rollups.STORE)
                .split(Named.as("route-rollup-"))
                .branch((key, out) -> out instanceof RollupOutput.Region, Branched.as("region"))
                .defaultBranch(Branched.as("flow"));
        routes.get("route-rollup-region")
                .mapValues(out -> ((RollupOutput.Region) out).indicator(), Named.as("unwrap-region-indicators"))
                .to(Topics.INDICATORS_REGION.name(),
                        produced(Topics.INDICATORS_REGION, "egress-hbew.indicators.region"));
        routes.get("route-rollup-flow")
                .mapValues(out -> ((RollupOutput.Flow) out).cell(), Named.as("unwrap-flows"))
                .to(Topics.FLOWS.name(), produced(Topics.FLOWS, "egress-hbew.flows"));
    }

    private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
