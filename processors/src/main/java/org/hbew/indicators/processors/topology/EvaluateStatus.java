package org.hbew.indicators.processors.topology;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.City;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.processors.aggregate.IndicatorAccumulator;
import org.hbew.indicators.processors.state.LiveKeyValueStore;
import org.hbew.indicators.records.IndicatorStatus;
import org.hbew.indicators.records.TargetRecord;

/**
 * Judges every (item, city, indicator) this task owns: NO_DATA until it is first reported, STALE
 * when silent for longer than its cadence, LAGGING when worse than its target in the current
 * window, ON_TRACK otherwise. Window updates refresh what is known; a wall-clock punctuation
 * re-judges everything, so staleness is noticed when no events arrive at all and a target change
 * on hbew.targets takes effect without waiting for an event.
 *
 * <p>Each status is judged by {@link StatusJudge}, on the rules of {@link StatusRules}.
 *
 * <p>The task owns the keys whose {@code <item>:<city>} hashes to its partition of hbew.events.raw,
 * as the producer's partitioner places them, so each status is reported by exactly one task.
 */
final class EvaluateStatus extends ContextualProcessor<String, ItemCityUpdate, String, IndicatorStatus> {

    static final String STORE = "status-store";

    private final Catalog catalog;
    private final TopologySettings settings;
    private LiveKeyValueStore<StatusState> states;
    private StatusJudge judge;

    EvaluateStatus(Catalog catalog, TopologySettings settings) {
        this.catalog = catalog;
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<String, IndicatorStatus> context) {
        super.init(context);
        states = context.getStateStore(STORE);
        KeyValueStore<String, TargetRecord> targetStore = context.getStateStore(Targets.STORE);
        judge = new StatusJudge(new Targets(targetStore), settings);
        context.schedule(settings.statusInterval(), PunctuationType.WALL_CLOCK_TIME, this::evaluateAll);
    }

    @Override
    public void process(Record<String, ItemCityUpdate> record) {
        ItemCityUpdate update = record.value();
        Item item = catalog.item(update.item()).orElseThrow();
        long now = context().currentSystemTimeMs();
        // Every window of the update is observed before the status is judged, so a first event is judged on the
        // window its target names, never on a partial picture (which read as ON_TRACK without a value).
        Map<String, StatusState> observedByIndicator = new LinkedHashMap<>();
        for (ItemCityUpdate.WindowFigures window : update.windows()) {
            for (Map.Entry<String, IndicatorAccumulator> e : window.figures().indicators().entrySet()) {
                Optional<Indicator> indicator = item.indicator(e.getKey());
                if (indicator.isEmpty()) {
                    continue;
                }
                StatusState state = observedByIndicator.get(e.getKey());
                if (state == null) {
                    state = states.current(Keys.status(item.number(), update.city(), e.getKey()));
                }
                if (state == null) {
                    state = StatusState.noData(now);
                }
                IndicatorAccumulator acc = e.getValue();
                observedByIndicator.put(e.getKey(), state.observed(acc.latestAt(), window.window().name(),
                        window.start(), acc.headline(indicator.get())));
            }
        }
        for (Map.Entry<String, StatusState> e : observedByIndicator.entrySet()) {
            Indicator indicator = item.indicator(e.getKey()).orElseThrow();
            String key = Keys.status(item.number(), update.city(), indicator.code());
            states.set(key, update(item, indicator, update.city(), key, e.getValue(), now, false));
        }
    }

    private void evaluateAll(long now) {
        int partition = context().taskId().partition();
        for (Item item : catalog.items()) {
            for (City city : catalog.cities()) {
                if (ownerPartition(item.number(), city.code()) != partition) {
                    continue;
                }
                for (Indicator indicator : item.indicators()) {
                    String key = Keys.status(item.number(), city.code(), indicator.code());
                    StatusState state = states.current(key);
                    StatusState updated = update(item, indicator, city.code(), key,
                            state == null ? StatusState.noData(now) : state, now, state == null);
                    if (!updated.equals(state)) {
                        states.set(key, updated);
                    }
                }
            }
        }
    }

    /**
     * Judges one status and returns what is now known of it. Reports it when the status, its value, its
     * target or its last event time changed, and always the first time a key is seen (so NO_DATA is
     * reported too): hbew.indicators.status says what {@code GET /v1/status} says.
     */
    private StatusState update(Item item, Indicator indicator, String city, String key, StatusState state, long now,
                               boolean firstSight) {
        StatusJudge.Judgement judged = judge.judge(item, indicator, city, state, now);
        boolean changed = firstSight || judged.status() != state.status()
                || !Objects.equals(judged.value(), state.reportedValue())
                || !Objects.equals(judged.target(), state.reportedTarget())
                || !Objects.equals(state.lastEventAt(), state.reportedLastEventAt());
        StatusState next = changed ? state.reported(judged.status(), now, judged.value(), judged.target()) : state;
        if (changed) {
            context().forward(new Record<>(key, new IndicatorStatus(item.number(), city, indicator.code(),
                    judged.status(), judged.value(), indicator.headlineStatistic(), judged.target(),
                    judged.window().name(), Instant.ofEpochMilli(next.since()),
                    next.lastEventAt() == null ? null : Instant.ofEpochMilli(next.lastEventAt()),
                    Instant.ofEpochMilli(now)), now));
        }
        return next;
    }

    private int ownerPartition(int item, String city) {
        byte[] key = Keys.raw(item, city).getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % settings.rawPartitions();
    }
}
