package org.hbew.indicators.processors.topology;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.Stores;
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

/**
 * The processors' topology, from raw events to the numbers operators act on.
 *
 * <pre>
 * hbew.events.raw (JSON bytes, key &lt;item&gt;:&lt;city&gt;)
 *   → parse-events ──invalid──→ hbew.events.dlq (bytes as received, reason and origin in headers)
 *   → deduplicate-events (by eventId, over the horizon)
 *   → route-late-events ──late──→ hbew.events.late (the event, how late in a header)
 *   → aggregate-&lt;window&gt; per item and city, one per window (1h, 1d)
 *        → emit-city-indicators → hbew.indicators.city
 *        → evaluate-status (+ global store of hbew.targets, wall-clock punctuation) → hbew.indicators.status
 *        → repartition by item → roll-up-cities → hbew.indicators.region and hbew.flows
 * </pre>
 *
 * Up to the windows nothing changes the key, so duplicates, lateness and aggregation are decided in
 * the task that owns the raw partition, with one stream time. Every node, store and internal topic
 * is named so that an upgrade keeps its state.
 */
public final class IndicatorTopology {

    private final Catalog catalog;
    private final TopologySettings settings;
    private final PipelineMetrics metrics;
    private final EventParser parser;

    public IndicatorTopology(Catalog catalog, TopologySettings settings, PipelineMetrics metrics) {
        this.catalog = catalog;
        this.settings = settings;
        this.metrics = metrics;
        this.parser = new EventParser(catalog, ValidationPolicy.withoutTimeBounds(), Clock.systemUTC());
    }

    /** Builds the topology into {@code builder}; {@link #topology} adds the builder's configuration. */
    public void build(StreamsBuilder builder) {
        addStores(builder);
        KStream<String, EventEnvelope> valid = parse(builder);
        // Late first, then duplicates: only counted events enter the de-duplication store, so an event set aside as
        // late can be posted again, with its eventId, once a longer grace admits it (a backfill after the fact).
        KStream<String, EventEnvelope> onTime = deduplicate(routeLate(valid));
        KStream<String, WindowUpdate> updates = aggregate(onTime);

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
     * The stores the processor steps share. The small, hot ones are cached: the accounting store is
     * written for every record but has five keys, the stream time one, so the cache turns thousands of
     * changelog writes per commit into a handful.
     */
    private void addStores(StreamsBuilder builder) {
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Accounting.STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.windowStoreBuilder(Stores.persistentWindowStore(DeduplicateEvents.STORE,
                        settings.dedupeHorizon(), settings.dedupeHorizon(), false), Serdes.String(), Serdes.Long())
                .withCachingDisabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(RouteLateEvents.STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(EvaluateStatus.STORE),
                Serdes.String(), JsonSerde.of(StatusState.class)).withCachingEnabled());
        builder.addStateStore(Stores.windowStoreBuilder(Stores.inMemoryWindowStore(RollUpCities.STORE,
                        settings.retention(), settings.largestWindow().size(), false), Serdes.String(),
                AggregateSerdes.regionPartials()));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(Targets.STORE),
                                Serdes.String(), Topics.TARGETS.valueSerde()).withLoggingDisabled(),
                Topics.TARGETS.name(),
                Consumed.with(Topics.TARGETS.keySerde(), Topics.TARGETS.valueSerde()).withName("ingest-hbew.targets"),
                Targets.Loader::new);
    }

    private KStream<String, EventEnvelope> parse(StreamsBuilder builder) {
        Map<String, KStream<String, Parsed>> routes = builder
                .stream(Topics.RAW.name(), Consumed.with(Topics.RAW.keySerde(), Topics.RAW.valueSerde())
                        .withName("ingest-hbew.events.raw"))
                .processValues(() -> new ParseEvents(parser, metrics), Named.as("parse-events"), Accounting.STORE)
                .split(Named.as("route-parsed-"))
                .branch((key, parsed) -> parsed.valid(), Branched.as("valid"))
                .defaultBranch(Branched.as("invalid"));
        routes.get("route-parsed-invalid")
                .mapValues(Parsed::raw, Named.as("unwrap-dead-letters"))
                .to(Topics.DLQ.name(), produced(Topics.DLQ, "egress-hbew.events.dlq"));
        return routes.get("route-parsed-valid").mapValues(Parsed::event, Named.as("unwrap-valid-events"));
    }

    private KStream<String, EventEnvelope> deduplicate(KStream<String, EventEnvelope> events) {
        return events.processValues(() -> new DeduplicateEvents(settings.dedupeHorizon(), metrics),
                Named.as("deduplicate-events"), DeduplicateEvents.STORE, Accounting.STORE);
    }

    private KStream<String, EventEnvelope> routeLate(KStream<String, EventEnvelope> events) {
        JsonSerde<EventEnvelope> eventJson = JsonSerde.of(EventEnvelope.class);
        Map<String, KStream<String, Routed>> routes = events
                .processValues(() -> new RouteLateEvents(settings.smallestWindow(), settings.grace(), metrics),
                        Named.as("route-late-events"), RouteLateEvents.STORE, Accounting.STORE)
                .split(Named.as("route-timeliness-"))
                .branch((key, routed) -> routed.late(), Branched.as("late"))
                .defaultBranch(Branched.as("on-time"));
        routes.get("route-timeliness-late")
                .mapValues(routed -> eventJson.toBytes(routed.event()), Named.as("serialize-late-events"))
                .to(Topics.LATE.name(), produced(Topics.LATE, "egress-hbew.events.late"));
        return routes.get("route-timeliness-on-time").mapValues(Routed::event, Named.as("unwrap-on-time-events"));
    }

    /** One windowed aggregation per window size, all keyed by {@code <item>:<city>}, merged into one update stream. */
    private KStream<String, WindowUpdate> aggregate(KStream<String, EventEnvelope> onTime) {
        List<KStream<String, WindowUpdate>> perWindow = new ArrayList<>();
        for (WindowSpec window : settings.windows()) {
            perWindow.add(onTime
                    .groupByKey(Grouped.<String, EventEnvelope>as("group-by-item-city-" + window.name())
                            .withKeySerde(Serdes.String()).withValueSerde(JsonSerde.of(EventEnvelope.class)))
                    .windowedBy(TimeWindows.ofSizeAndGrace(window.size(), settings.grace()))
                    .aggregate(ItemCityWindow::new,
                            (key, event, figures) -> figures.add(catalog.item(event.item()).orElseThrow(), event),
                            Named.as("aggregate-" + window.name()),
                            Materialized.<String, ItemCityWindow>as(Stores.inMemoryWindowStore(window.cityStoreName(),
                                            settings.retention(), window.size(), false))
                                    .withKeySerde(Serdes.String())
                                    .withValueSerde(AggregateSerdes.itemCityWindow())
                                    .withCachingEnabled())
                    .toStream(Named.as("stream-" + window.name() + "-updates"))
                    .map((windowed, figures) -> describe(window, windowed, figures),
                            Named.as("describe-" + window.name() + "-updates")));
        }
        KStream<String, WindowUpdate> updates = perWindow.get(0);
        for (int i = 1; i < perWindow.size(); i++) {
            updates = updates.merge(perWindow.get(i), Named.as("merge-window-updates-" + i));
        }
        return updates;
    }

    private static KeyValue<String, WindowUpdate> describe(WindowSpec window, Windowed<String> windowed,
                                                           ItemCityWindow figures) {
        String key = windowed.key();
        int colon = key.indexOf(':');
        return KeyValue.pair(key, new WindowUpdate(Integer.parseInt(key.substring(0, colon)), key.substring(colon + 1),
                window, windowed.window().start(), figures));
    }

    private void rollUp(KStream<String, WindowUpdate> updates) {
        Map<String, KStream<String, RollupOutput>> routes = updates
                .map((key, u) -> KeyValue.pair(RollUpCities.rollupKey(u.item(), u.window().name()),
                        new CityContribution(u.city(), u.window().name(), u.windowStart(), u.windowEnd(), u.figures())),
                        Named.as("key-by-item-window"))
                .repartition(Repartitioned.<String, CityContribution>as("rollup-by-item")
                        .withKeySerde(Serdes.String()).withValueSerde(AggregateSerdes.cityContribution()))
                .process(() -> new RollUpCities(catalog), Named.as("roll-up-cities"), RollUpCities.STORE)
                .split(Named.as("route-rollup-"))
                .branch((key, out) -> out.region() != null, Branched.as("region"))
                .defaultBranch(Branched.as("flow"));
        routes.get("route-rollup-region")
                .mapValues(RollupOutput::region, Named.as("unwrap-region-indicators"))
                .to(Topics.INDICATORS_REGION.name(),
                        produced(Topics.INDICATORS_REGION, "egress-hbew.indicators.region"));
        routes.get("route-rollup-flow")
                .mapValues(RollupOutput::flow, Named.as("unwrap-flows"))
                .to(Topics.FLOWS.name(), produced(Topics.FLOWS, "egress-hbew.flows"));
    }

    private static <K, V> Produced<K, V> produced(Topic<K, V> topic, String name) {
        return Produced.with(topic.keySerde(), topic.valueSerde()).withName(name);
    }
}
