package org.hbew.indicators.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;
import org.junit.jupiter.api.Test;

/** The pace rule of count and sum targets in an open window, and the allowance at the start of a window. */
class StatusRulesTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final WindowSpec DAY = WindowSpec.parse("1d");
    private static final Indicator TRANSACTIONS = CATALOG.item(6).orElseThrow()
            .indicator("online_service_transactions").orElseThrow();
    private static final Optional<TargetRecord> FIVE_HUNDRED_A_DAY = Optional.of(new TargetRecord(6,
            "online_service_transactions", null, "at_least", 500, "1d", TargetRecord.SOURCE_CATALOG, null));

    @Test
    void shouldExpectNothingInTheFirstHourOfADayAndTheRestInProportion() {
        long midnight = Instant.parse("2026-11-27T00:00:00Z").toEpochMilli();
        long hour = 3_600_000;

        assertThat(StatusRules.paceShare(DAY, midnight)).isZero();
        assertThat(StatusRules.paceShare(DAY, midnight + hour / 2)).isZero();
        assertThat(StatusRules.paceShare(DAY, midnight + hour)).isZero();
        assertThat(StatusRules.paceShare(DAY, midnight + 13 * hour)).isCloseTo(0.5, within(1e-9));
        assertThat(StatusRules.paceShare(DAY, midnight + 24 * hour - 1)).isCloseTo(23.0 / 24, within(1e-6));
    }

    @Test
    void shouldNotCallANewDayLaggingBeforeItsFirstHourIsOver() {
        long at = Instant.parse("2026-11-27T00:40:00Z").toEpochMilli();

        assertThat(judge(0, at)).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void shouldCallLaggingWhatIsMoreThanAnHoursWorthBehindThePace() {
        // 12:00 UTC: half the day is over; 500 a day less an hour's allowance expects 500 * 11 / 24 = 229.2 by now.
        long noon = Instant.parse("2026-11-27T12:00:00Z").toEpochMilli();

        assertThat(judge(229, noon)).isEqualTo(Status.LAGGING);
        assertThat(judge(230, noon)).isEqualTo(Status.ON_TRACK);
    }

    @Test
    void shouldJudgeAnAtMostTargetOnTheWholeValueWithoutPace() {
        Indicator backlog = CATALOG.item(20).orElseThrow().indicator("transfer_backlog").orElseThrow();
        long at = Instant.parse("2026-11-27T00:10:00Z").toEpochMilli();
        StatusState state = new StatusState(at, Map.of("1d", new StatusState.Snapshot(DAY.startOf(at), 210)),
                Status.ON_TRACK, at, null, null);
        Optional<TargetRecord> target = Optional.of(new TargetRecord(20, "transfer_backlog", null, "at_most", 200,
                "1d", TargetRecord.SOURCE_CATALOG, null));

        assertThat(StatusRules.status(backlog, state, target, DAY, 210.0, at)).isEqualTo(Status.LAGGING);
    }

    private static Status judge(double value, long now) {
        StatusState state = new StatusState(now - 1_000, Map.of("1d", new StatusState.Snapshot(DAY.startOf(now), value)),
                Status.ON_TRACK, now, null, null);
        return StatusRules.status(TRANSACTIONS, state, FIVE_HUNDRED_A_DAY, DAY, StatusRules.valueIn(DAY, TRANSACTIONS,
                state, now), now);
    }
}
