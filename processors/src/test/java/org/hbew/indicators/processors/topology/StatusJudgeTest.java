package org.hbew.indicators.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.records.IndicatorStatus;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one judgement of a status: on the target in force (the city's own, else all cities', else the catalog's),
 * in the window that target is for, and the same as hbew.indicators.status reports, read back from the stores as
 * the business metrics read them.
 */
class StatusJudgeTest {

    private static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");
    private static final Item SETTLEMENTS = TopologyHarness.CATALOG.item(18).orElseThrow();
    private static final Indicator DIRECT_RATE = SETTLEMENTS.indicator("direct_settlement_rate").orElseThrow();
    private static final TopologySettings SETTINGS = TopologySettings.defaults(1);

    @TempDir
    Path stateDir;
    private TopologyHarness harness;
    private StatusJudge judge;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(stateDir, SETTINGS, T0);
        ReadOnlyKeyValueStore<String, TargetRecord> targets = harness.driver.getKeyValueStore(Targets.STORE);
        judge = new StatusJudge(new Targets(targets), SETTINGS);
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    @Test
    void shouldJudgeWhatTheStatusTopicReports() {
        harness.targets.pipeInput("18:direct_settlement_rate:ordos", new TargetRecord(18, "direct_settlement_rate",
                "ordos", "at_least", 0.95, "1h", TargetRecord.SOURCE_OPERATOR, T0));
        for (int i = 0; i < 25; i++) {
            harness.send(Events.settlement("ordos", "hohhot", 100, i < 23, 15, T0.minusSeconds(60).plusMillis(i)));
        }
        List<IndicatorStatus> reported = harness.drain(harness.status).stream()
                .filter(r -> r.key().equals("18:ordos:direct_settlement_rate")).map(TestRecord::value).toList();
        IndicatorStatus last = reported.get(reported.size() - 1);

        @SuppressWarnings("unchecked")
        ReadOnlyKeyValueStore<String, StatusState> states = (ReadOnlyKeyValueStore<String, StatusState>)
                harness.driver.getAllStateStores().get(EvaluateStatus.STORE);
        StatusJudge.Judgement judged = judge.judge(SETTLEMENTS, DIRECT_RATE, "ordos",
                states.get("18:ordos:direct_settlement_rate"), last.evaluatedAt().toEpochMilli());

        assertThat(last.status()).isEqualTo(Status.LAGGING);
        assertThat(judged.status()).isEqualTo(last.status());
        assertThat(judged.value()).isEqualTo(last.value()).isEqualTo(0.92);
        assertThat(judged.target()).isEqualTo(last.target());
        assertThat(judged.window().name()).isEqualTo(last.window()).isEqualTo("1h");
    }

    @Test
    void shouldJudgeOnTheCitysOwnTargetThenAllCitiesThenTheCatalogs() {
        long now = T0.toEpochMilli();
        StatusState state = new StatusState(now - 1_000, Map.of(
                "1h", new StatusState.Snapshot(SETTINGS.window("1h").startOf(now), 0.97),
                "1d", new StatusState.Snapshot(SETTINGS.window("1d").startOf(now), 0.92)),
                Status.ON_TRACK, now, null, null);
        TargetRecord forAll = new TargetRecord(18, "direct_settlement_rate", null, "at_least", 0.95, "1h",
                TargetRecord.SOURCE_OPERATOR, T0);
        TargetRecord forOrdos = new TargetRecord(18, "direct_settlement_rate", "ordos", "at_least", 0.99, "1d",
                TargetRecord.SOURCE_OPERATOR, T0);

        StatusJudge.Judgement onCatalog = judge.judge(SETTLEMENTS, DIRECT_RATE, "ordos", state, now);
        harness.targets.pipeInput("18:direct_settlement_rate", forAll);
        StatusJudge.Judgement onAllCities = judge.judge(SETTLEMENTS, DIRECT_RATE, "ordos", state, now);
        harness.targets.pipeInput("18:direct_settlement_rate:ordos", forOrdos);
        StatusJudge.Judgement onOrdos = judge.judge(SETTLEMENTS, DIRECT_RATE, "ordos", state, now);

        assertThat(onCatalog).isEqualTo(new StatusJudge.Judgement(Status.ON_TRACK, 0.92,
                Targets.fromCatalog(SETTLEMENTS, DIRECT_RATE, DIRECT_RATE.target().orElseThrow()),
                SETTINGS.window("1d")));
        assertThat(onAllCities).isEqualTo(new StatusJudge.Judgement(Status.ON_TRACK, 0.97, forAll,
                SETTINGS.window("1h")));
        assertThat(onOrdos).isEqualTo(new StatusJudge.Judgement(Status.LAGGING, 0.92, forOrdos,
                SETTINGS.window("1d")));
    }

    @Test
    void shouldJudgeNoDataWithoutAValueBeforeTheFirstEvent() {
        long now = T0.toEpochMilli();

        StatusJudge.Judgement judged = judge.judge(SETTLEMENTS, DIRECT_RATE, "baotou", StatusState.noData(now), now);

        assertThat(judged.status()).isEqualTo(Status.NO_DATA);
        assertThat(judged.value()).isNull();
        assertThat(judged.window()).isEqualTo(SETTINGS.windowFor(judged.target()));
    }
}
