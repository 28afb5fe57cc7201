package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyCorrelatorTest {

    private static final String ORDOS = "2:ordos:road_km_opened:1h@2024-09-01T08:00:00Z";
    private static final String HOHHOT = "2:hohhot:road_km_opened:1h@2024-09-01T08:00:00Z";
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void shouldTimeEachEventUntilAFigureCountsItOnTopOfTheCountBefore() {
        // Given ordos's window already held 40 events; hohhot's none
        LatencyCorrelator correlator = new LatencyCorrelator(Map.of(ORDOS, 40L), 0);
        correlator.sent(ORDOS, 1_000 * MS);
        correlator.sent(ORDOS, 1_010 * MS);
        correlator.sent(HOHHOT, 1_020 * MS);
        correlator.sent(ORDOS, 1_030 * MS);

        // When the figures count the first two of ordos, then all three, and hohhot's one
        correlator.observed(ORDOS, 42, 1_200 * MS);
        correlator.observed(HOHHOT, 1, 1_300 * MS);
        correlator.observed(ORDOS, 43, 1_500 * MS);

        // Then each event is timed once, from its own send: 200, 190, 280 and 470 ms
        BenchReport.Latencies latencies = correlator.summary();
        assertThat(latencies.count()).isEqualTo(4);
        assertThat(latencies.maxMs()).isCloseTo(470, within(0.5));
        assertThat(latencies.p50Ms()).isCloseTo(200, within(0.5));
        assertThat(correlator.unseen()).isZero();
        assertThat(correlator.missing()).isZero();
    }

    @Test
    void shouldTimeNothingTwiceWhenAFigureIsReadAgainOrAnOlderOneArrives() {
        LatencyCorrelator correlator = new LatencyCorrelator(Map.of(), 0);
        correlator.sent(ORDOS, 100 * MS);
        correlator.sent(ORDOS, 110 * MS);

        correlator.observed(ORDOS, 2, 300 * MS);
        correlator.observed(ORDOS, 2, 900 * MS);
        correlator.observed(ORDOS, 1, 950 * MS);

        assertThat(correlator.summary().count()).isEqualTo(2);
        assertThat(correlator.summary().maxMs()).isCloseTo(200, within(0.5));
    }

    @Test
    void shouldMatchButNotRecordTheWarmUp() {
        LatencyCorrelator correlator = new LatencyCorrelator(Map.of(), 1_000 * MS);
        correlator.sent(ORDOS, 900 * MS);
        correlator.sent(ORDOS, 1_000 * MS);
        correlator.sent(ORDOS, 1_100 * MS);

        correlator.observed(ORDOS, 2, 5_000 * MS);

        assertThat(correlator.summary().count()).isEqualTo(1);
        assertThat(correlator.summary().maxMs()).isCloseTo(4_000, within(4.0));
        assertThat(correlator.unseen()).isEqualTo(1);
        assertThat(correlator.missing()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreFiguresOfWindowsAndKeysItSentNothingTo() {
        LatencyCorrelator correlator = new LatencyCorrelator(Map.of(), 0);
        correlator.sent(ORDOS, 100 * MS);

        correlator.observed("2:ordos:road_km_opened:1d@2024-09-01T00:00:00Z", 500, 300 * MS);
        correlator.observed(HOHHOT, 7, 300 * MS);

        assertThat(correlator.summary().count()).isZero();
        assertThat(correlator.unseen()).isEqualTo(1);
    }

    @Test
    void shouldNotTimeMoreEventsThanWereSentWhenTheCountRunsAhead() {
        // a figure counting events of others (not ours) beyond what we sent must not invent sends
        LatencyCorrelator correlator = new LatencyCorrelator(Map.of(), 0);
        correlator.sent(ORDOS, 100 * MS);

        correlator.observed(ORDOS, 5, 300 * MS);

        assertThat(correlator.summary().count()).isEqualTo(1);
        assertThat(correlator.unseen()).isZero();
    }
}
