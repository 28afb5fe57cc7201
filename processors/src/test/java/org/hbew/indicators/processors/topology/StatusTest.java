package org.hbew.indicators.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.hbew.indicators.records.IndicatorStatus;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ON_TRACK, LAGGING, STALE and NO_DATA on hbew.indicators.status. */
class StatusTest {

    /** 10:00 in the cities (+08:00), so a daily window (UTC-aligned) is a little over two hours old. */
    private static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");
    private static final Duration INTERVAL = TopologySettings.DEFAULT_STATUS_INTERVAL;

    @TempDir
    Path stateDir;
    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(stateDir, TopologySettings.defaults(1), T0);
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    private List<IndicatorStatus> statusesOf(String key) {
        return harness.drain(harness.status).stream().filter(r -> r.key().equals(key)).map(TestRecord::value).toList();
    }

    private void settle(int direct, int total, Instant at) {
        for (int i = 0; i < total; i++) {
            harness.send(Events.settlement("ordos", "hohhot", 100, i < direct, 15, at.plusMillis(i)));
        }
    }

    @Test
    void shouldReportNoDataForAnIndicatorNeverReported() {
        harness.driver.advanceWallClockTime(INTERVAL);

        List<IndicatorStatus> statuses = statusesOf("4:ulanqab:hsr_prelim_milestones");

        assertThat(statuses).containsExactly(new IndicatorStatus(4, "ulanqab", "hsr_prelim_milestones", Status.NO_DATA,
                null, "sum", null, "1d", T0.plus(INTERVAL), null, T0.plus(INTERVAL)));
        assertThat(harness.drain(harness.status)).isEmpty();
    }

    @Test
    void shouldReportEveryIndicatorOfEveryCityOnce() {
        harness.driver.advanceWallClockTime(INTERVAL);
        long indicators = TopologyHarness.CATALOG.itemIndicators().count();

        assertThat(harness.drain(harness.status)).hasSize((int) indicators * 4)
                .allMatch(r -> r.value().status() == Status.NO_DATA);
        harness.driver.advanceWallClockTime(INTERVAL);
        assertThat(harness.status.isEmpty()).isTrue();
    }

    @Test
    void shouldBeOnTrackWhenTheRateMeetsItsTarget() {
        settle(23, 25, T0.minusSeconds(60));

        List<IndicatorStatus> statuses = statusesOf("18:ordos:direct_settlement_rate");
        IndicatorStatus last = statuses.get(statuses.size() - 1);

        assertThat(last.status()).isEqualTo(Status.ON_TRACK);
        assertThat(last.value()).isEqualTo(0.92);
        assertThat(last.target().value()).isEqualTo(0.90);
        assertThat(last.target().source()).isEqualTo(TargetRecord.SOURCE_CATALOG);
        assertThat(last.lastEventAt()).isEqualTo(T0.minusSeconds(60).plusMillis(24));
    }

    @Test
    void shouldEmitLaggingWhenATargetChangeLeavesTheRateBehind() {
        settle(23, 25, T0.minusSeconds(60));
        harness.drain(harness.status);

        harness.targets.pipeInput("18:direct_settlement_rate", new TargetRecord(18, "direct_settlement_rate", null,
                "at_least", 0.95, "1d", TargetRecord.SOURCE_OPERATOR, T0));
        harness.driver.advanceWallClockTime(INTERVAL);

        List<IndicatorStatus> statuses = statusesOf("18:ordos:direct_settlement_rate");
        assertThat(statuses).hasSize(1);
        assertThat(statuses.get(0).status()).isEqualTo(Status.LAGGING);
        assertThat(statuses.get(0).since()).isEqualTo(T0.plus(TopologySettings.DEFAULT_EMIT_INTERVAL).plus(INTERVAL));
        assertThat(statuses.get(0).target().value()).isEqualTo(0.95);
        assertThat(statuses.get(0).target().source()).isEqualTo(TargetRecord.SOURCE_OPERATOR);
    }

    @Test
    void shouldPreferACitysOwnTargetAndFallBackWhenItIsRemoved() {
        settle(23, 25, T0.minusSeconds(60));
        harness.drain(harness.status);
        harness.targets.pipeInput("18:direct_settlement_rate:ordos", new TargetRecord(18, "direct_settlement_rate",
                "ordos", "at_least", 0.99, "1d", TargetRecord.SOURCE_OPERATOR, T0));
        harness.driver.advanceWallClockTime(INTERVAL);
        assertThat(statusesOf("18:ordos:direct_settlement_rate")).extracting(IndicatorStatus::status)
                .containsExactly(Status.LAGGING);

        harness.targets.pipeInput("18:direct_settlement_rate:ordos", null);
        harness.driver.advanceWallClockTime(INTERVAL);

        assertThat(statusesOf("18:ordos:direct_settlement_rate")).extracting(IndicatorStatus::status)
                .containsExactly(Status.ON_TRACK);
    }

    @Test
    void shouldEmitStaleWhenTheWallClockPassesTheCadenceWithoutEvents() {
        settle(25, 25, T0.minusSeconds(60));
        harness.drain(harness.status);

        harness.driver.advanceWallClockTime(Duration.ofMinutes(50));
        assertThat(statusesOf("18:ordos:direct_settlement_rate")).isEmpty();
        harness.driver.advanceWallClockTime(Duration.ofMinutes(15));

        List<IndicatorStatus> statuses = statusesOf("18:ordos:direct_settlement_rate");
        assertThat(statuses).extracting(IndicatorStatus::status).containsExactly(Status.STALE);
        assertThat(statuses.get(0).lastEventAt()).isEqualTo(T0.minusSeconds(60).plusMillis(24));
    }

    @Test
    void shouldRecoverFromStaleWhenTheCityReportsAgain() {
        settle(25, 25, T0.minusSeconds(60));
        harness.driver.advanceWallClockTime(Duration.ofMinutes(65));
        harness.drain(harness.status);

        settle(25, 25, T0.plus(Duration.ofMinutes(64)));

        List<IndicatorStatus> statuses = statusesOf("18:ordos:direct_settlement_rate");
        assertThat(statuses).extracting(IndicatorStatus::status).first().isEqualTo(Status.ON_TRACK);
    }

    @Test
    void shouldJudgeACountTargetOnItsPaceThroughTheWindow() {
        // 10:00 +08:00 is 02:00 UTC: a twelfth of the daily window has passed; less the hour's allowance at the
        // start of a window, 500 a day means ~21 by now.
        harness.send(Events.plain("baotou", 6, "online_service_transactions", 15, "count", T0.minusSeconds(30)));
        assertThat(statusesOf("6:baotou:online_service_transactions")).extracting(IndicatorStatus::status)
                .last().isEqualTo(Status.LAGGING);

        harness.send(Events.plain("baotou", 6, "online_service_transactions", 10, "count", T0.minusSeconds(20)));

        assertThat(statusesOf("6:baotou:online_service_transactions")).extracting(IndicatorStatus::status)
                .last().isEqualTo(Status.ON_TRACK);
    }

    @Test
    void shouldNeverReportAFirstEventOnTrackWithoutAValue() {
        settle(1, 10, T0.minusSeconds(60));

        List<IndicatorStatus> statuses = statusesOf("18:ordos:direct_settlement_rate");

        assertThat(statuses).as("one judgement of the first events, on the window the target names").hasSize(1);
        assertThat(statuses.get(0).status()).isEqualTo(Status.LAGGING);
        assertThat(statuses.get(0).value()).isEqualTo(0.1);
    }

    @Test
    void shouldReportANewLastEventTimeEvenWhenStatusAndValueStayTheSame() {
        harness.send(Events.plain("ordos", 2, "road_link_progress", 35, "percent", T0.minusSeconds(120)));
        IndicatorStatus first = statusesOf("2:ordos:road_link_progress").get(0);

        harness.send(Events.plain("ordos", 2, "road_link_progress", 35, "percent", T0.minusSeconds(30)));
        List<IndicatorStatus> again = statusesOf("2:ordos:road_link_progress");

        assertThat(again).hasSize(1);
        assertThat(again.get(0).status()).isEqualTo(first.status());
        assertThat(again.get(0).value()).isEqualTo(first.value());
        assertThat(again.get(0).lastEventAt()).isEqualTo(T0.minusSeconds(30));
    }
}
