package org.hbew.indicators.processors.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.processors.aggregate.RegionPartials;
import org.hbew.indicators.processors.topology.Rollups;
import org.hbew.indicators.processors.topology.StatusJudge;
import org.hbew.indicators.processors.topology.StatusRules;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.processors.topology.StoreNames;
import org.hbew.indicators.processors.topology.Targets;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.processors.topology.WindowSpec;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The business series of contract.md, read from this instance's active state stores every few
 * seconds:
 * <ul>
 *   <li>{@code hbew_indicator_value{item,city,indicator,window}}: the headline value per window size,
 *       judged as the status is ({@link StatusRules#valueIn});</li>
 *   <li>{@code hbew_indicator_status{item,city,indicator,status}}: 1 for the current status, 0 for the others,
 *       judged by the {@link StatusJudge} the status topic is judged by;</li>
 *   <li>{@code hbew_indicator_last_event_timestamp_seconds{item,city}}: event time of the latest event;</li>
 *   <li>{@code hbew_indicator_target{item,indicator}}: the target for all cities in force;</li>
 *   <li>{@code hbew_item_info{item,domain,team}} (always 1): joins an alert to the team that owns its item;</li>
 *   <li>{@code hbew_city_silence_threshold_seconds}: how long a city may be silent before the alert rule fires;</li>
 *   <li>{@code hbew_flow_events}, {@code hbew_flow_completed_events}, {@code hbew_flow_amount_cny}
 *       {@code {item,flow,from,to,window}}: the cells of the three flows' 4x4 matrices in the current window.</li>
 * </ul>
 * Each key is reported by the one instance whose active task owns it, so after a rebalance the
 * series move with the tasks: the rows are rebuilt from the local stores on every refresh, and rows
 * of keys no longer here disappear. Standby replicas never report.
 */
public final class BusinessMetrics implements AutoCloseable {

    public static final Duration DEFAULT_REFRESH = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(BusinessMetrics.class);

    private final KafkaStreams streams;
    private final Catalog catalog;
    private final TopologySettings settings;
    private final Clock clock;
    private final MultiGauge values;
    private final MultiGauge statuses;
    private final MultiGauge lastEvents;
    private final MultiGauge targets;
    private final MultiGauge flowEvents;
    private final MultiGauge flowCompleted;
    private final MultiGauge flowAmounts;
    private final ScheduledExecutorService refresher;

    public BusinessMetrics(KafkaStreams streams, Catalog catalog, TopologySettings settings, Duration citySilenceAfter,
                           MeterRegistry registry, Clock clock) {
        this.streams = streams;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        values = MultiGauge.builder("hbew.indicator.value")
                .description("Headline value of an indicator in the current window of each size").register(registry);
        statuses = MultiGauge.builder("hbew.indicator.status")
                .description("1 for the indicator's current status, 0 for the others").register(registry);
        lastEvents = MultiGauge.builder("hbew.indicator.last.event.timestamp").baseUnit("seconds")
                .description("Event time of the latest event of an item in a city").register(registry);
        targets = MultiGauge.builder("hbew.indicator.target")
                .description("Target in force for all cities (catalog default or operator's)").register(registry);
        flowEvents = MultiGauge.builder("hbew.flow.events")
                .description("Flow events from one city to another in the current window").register(registry);
        flowCompleted = MultiGauge.builder("hbew.flow.completed.events")
                .description("Flow events that completed the movement (direct settlement, completed transfer, "
                        + "dispatched support) in the current window").register(registry);
        flowAmounts = MultiGauge.builder("hbew.flow.amount").baseUnit("cny")
                .description("CNY moved by a flow from one city to another in the current window").register(registry);
        Gauge.builder("hbew.city.silence.threshold", citySilenceAfter, d -> d.toSeconds()).baseUnit("seconds")
                .description("Silence after which a city counts as no longer reporting").register(registry);
        for (Item item : catalog.items()) {
            Gauge.builder("hbew.item.info", () -> 1)
                    .description("Catalog facts of an item, for joining alerts to the team that owns it")
                    .tags(Tags.of("item", Integer.toString(item.number()), "domain", item.domain(),
                            "team", item.team().code()))
                    .register(registry);
        }
        refresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "business-metrics");
            t.setDaemon(true);
            return t;
        });
    }

    public void start(Duration every) {
        refresher.scheduleWithFixedDelay(this::refreshQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (InvalidStateStoreException e) {
            LOG.debug("Stores not queryable ({}); keeping the previous business metrics", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Refreshing business metrics failed", e);
        }
    }

    /** Rebuilds every business series from the local active stores. */
    public void refresh() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return;
        }
        ReadOnlyKeyValueStore<String, StatusState> statusStore = streams.store(
                StoreQueryParameters.fromNameAndType(StoreNames.STATUS, QueryableStoreTypes.keyValueStore()));
        ReadOnlyKeyValueStore<String, TargetRecord> targetStore = streams.store(
                StoreQueryParameters.fromNameAndType(StoreNames.TARGETS, QueryableStoreTypes.keyValueStore()));
        Targets resolver = new Targets(targetStore);
        StatusJudge judge = new StatusJudge(resolver, settings);
        long now = clock.millis();

        List<MultiGauge.Row<?>> valueRows = new ArrayList<>();
        List<MultiGauge.Row<?>> statusRows = new ArrayList<>();
        Map<Keys.ItemCity, Long> lastEventByItemCity = new HashMap<>();
        try (KeyValueIterator<String, StatusState> all = statusStore.all()) {
            all.forEachRemaining(kv -> {
                Keys.StatusKey key = Keys.parseStatus(kv.key);
                Optional<Item> item = catalog.item(key.item());
                Optional<Indicator> indicator = item.flatMap(i -> i.indicator(key.indicator()));
                if (indicator.isEmpty()) {
                    return;
                }
                String city = key.city();
                StatusState state = kv.value;
                Status status = judge.judge(item.get(), indicator.get(), city, state, now).status();
                Tags keyTags = Tags.of("item", Integer.toString(key.item()), "city", city,
                        "indicator", key.indicator());
                for (Status s : Status.values()) {
                    statusRows.add(MultiGauge.Row.of(keyTags.and("status", s.name()), s == status ? 1 : 0));
                }
                for (WindowSpec window : settings.windows()) {
                    Double value = StatusRules.valueIn(window, indicator.get(), state, now);
                    if (value != null && !value.isNaN()) {
                        valueRows.add(MultiGauge.Row.of(keyTags.and("window", window.name()), value));
                    }
                }
                if (state.lastEventAt() != null) {
                    lastEventByItemCity.merge(new Keys.ItemCity(key.item(), city), state.lastEventAt(), Math::max);
                }
            });
        }
        List<MultiGauge.Row<?>> lastEventRows = new ArrayList<>();
        lastEventByItemCity.forEach((itemCity, at) -> lastEventRows.add(MultiGauge.Row.of(
                Tags.of("item", Integer.toString(itemCity.item()), "city", itemCity.city()), at / 1000.0)));
        List<MultiGauge.Row<?>> targetRows = new ArrayList<>();
        catalog.itemIndicators().forEach(ii -> resolver.resolve(ii.item(), ii.indicator(), null).ifPresent(t ->
                targetRows.add(MultiGauge.Row.of(Tags.of("item", Integer.toString(ii.item().number()),
                        "indicator", ii.indicator().code()), t.value()))));

        refreshFlows(now);
        values.register(valueRows, true);
        statuses.register(statusRows, true);
        lastEvents.register(lastEventRows, true);
        targets.register(targetRows, true);
    }

    /** The current window's flow cells of the rollup keys whose task runs here. */
    private void refreshFlows(long now) {
        ReadOnlyWindowStore<String, RegionPartials> rollups = streams.store(
                StoreQueryParameters.fromNameAndType(StoreNames.ROLLUP, QueryableStoreTypes.windowStore()));
        Instant at = Instant.ofEpochMilli(now);
        List<MultiGauge.Row<?>> events = new ArrayList<>();
        List<MultiGauge.Row<?>> completed = new ArrayList<>();
        List<MultiGauge.Row<?>> amounts = new ArrayList<>();
        for (Item item : catalog.items()) {
            if (item.flow().isEmpty()) {
                continue;
            }
            for (WindowSpec window : settings.windows()) {
                Optional<Rollups.Rollup> rollup = Rollups.read(rollups, item, window, window.startOf(now));
                if (rollup.isEmpty()) {
                    continue;
                }
                for (FlowCounts cell : rollup.get().flows(at)) {
                    Tags tags = Tags.of("item", Integer.toString(item.number()), "flow", cell.flow(),
                            "from", cell.from(), "to", cell.to(), "window", window.name());
                    events.add(MultiGauge.Row.of(tags, cell.events()));
                    completed.add(MultiGauge.Row.of(tags, cell.completed()));
                    amounts.add(MultiGauge.Row.of(tags, cell.amount()));
                }
            }
        }
        flowEvents.register(events, true);
        flowCompleted.register(completed, true);
        flowAmounts.register(amounts, true);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        try {
            if (!refresher.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Business metrics refresher did not stop within 5 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
