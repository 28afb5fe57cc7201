package org.hbew.indicators.exactlyonce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.MedicalSettlement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The oracle of {@link ProcessorsCrashIT}: what exactly-once processing must make of what was sent. */
class SentTallyTest {

    private static final OffsetDateTime LATE_EVENING = OffsetDateTime.parse("2026-11-30T07:59:59.999+08:00");

    private SentTally tally;

    @BeforeEach
    void newTally() {
        tally = new SentTally(CatalogLoader.loadDefault());
    }

    @Test
    void shouldCountAReSentEventOnceInItsHourAndItsUtcDay() {
        EventEnvelope event = EventEnvelope.plain(UUID.randomUUID(), "ordos", 2, "road_km_opened", LATE_EVENING,
                12.5, "km");

        tally.add(event);
        tally.add(event);

        assertThat(tally.sent()).isEqualTo(2);
        assertThat(tally.distinct()).isEqualTo(1);
        assertThat(tally.resends()).isEqualTo(1);
        assertThat(tally.cityFigures()).containsOnly(
                entry("2:ordos:road_km_opened:1h@2026-11-29T23:00:00Z", new SentTally.Figures(1, 12.5)),
                entry("2:ordos:road_km_opened:1d@2026-11-29T00:00:00Z", new SentTally.Figures(1, 12.5)));
    }

    @Test
    void shouldCountTheSameEventIdFromAnotherCityAsAnotherEvent() {
        UUID id = UUID.randomUUID();

        tally.add(EventEnvelope.plain(id, "ordos", 2, "road_km_opened", LATE_EVENING, 12.5, "km"));
        tally.add(EventEnvelope.plain(id, "baotou", 2, "road_km_opened", LATE_EVENING, 2.5, "km"));

        assertThat(tally.distinct()).isEqualTo(2);
        assertThat(tally.resends()).isZero();
        assertThat(tally.regionFigures()).containsOnly(
                entry("2:road_km_opened:1h@2026-11-29T23:00:00Z", new SentTally.Figures(2, 15.0)),
                entry("2:road_km_opened:1d@2026-11-29T00:00:00Z", new SentTally.Figures(2, 15.0)));
    }

    @Test
    void shouldCountEveryIndicatorAFlowEventObserves() {
        tally.add(EventEnvelope.flow(UUID.randomUUID(), "ordos", 18, LATE_EVENING,
                new MedicalSettlement("ordos", "hohhot", 900, false, LATE_EVENING.minusHours(48), LATE_EVENING)));

        assertThat(tally.cityFigures(18, "ordos", "1h")).containsOnly(
                entry("18:ordos:settlements:1h@2026-11-29T23:00:00Z", new SentTally.Figures(1, 1.0)),
                entry("18:ordos:settlement_amount:1h@2026-11-29T23:00:00Z", new SentTally.Figures(1, 900.0)),
                entry("18:ordos:direct_settlement_rate:1h@2026-11-29T23:00:00Z", new SentTally.Figures(1, 0.0)),
                entry("18:ordos:settlement_minutes:1h@2026-11-29T23:00:00Z", new SentTally.Figures(1, 2880.0)));
        assertThat(tally.itemCities()).containsExactly(entry(18, "ordos"));
    }
}
