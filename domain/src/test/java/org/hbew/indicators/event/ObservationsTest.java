package org.hbew.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.junit.jupiter.api.Test;

class ObservationsTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");

    @Test
    void shouldObserveThePlainIndicatorAnEventNames() {
        EventEnvelope event = EventEnvelope.plain(UUID.randomUUID(), "ordos", 2, "road_km_opened", T, 12.5, "km");

        assertThat(Observations.of(CATALOG.item(2).orElseThrow(), event))
                .extracting(o -> o.indicator().code(), Observation::value)
                .containsExactly(tuple("road_km_opened", 12.5));
    }

    @Test
    void shouldDeriveEveryMeasureOfAMedicalSettlement() {
        EventEnvelope event = EventEnvelope.flow(UUID.randomUUID(), "ordos", 18, T,
                new MedicalSettlement("ordos", "hohhot", 900, false, T.minusHours(48), T));

        assertThat(Observations.of(CATALOG.item(18).orElseThrow(), event))
                .extracting(o -> o.indicator().code(), Observation::value)
                .containsExactly(tuple("settlements", 1.0), tuple("settlement_amount", 900.0),
                        tuple("direct_settlement_rate", 0.0), tuple("settlement_minutes", 2880.0));
    }

    @Test
    void shouldObserveCompletionTimeOnlyOnceATransferIsCompleted() {
        EventEnvelope requested = EventEnvelope.flow(UUID.randomUUID(), "baotou", 20, T,
                new PensionTransfer("baotou", "ordos", PensionTransfer.Stage.REQUESTED, T, null));
        EventEnvelope completed = EventEnvelope.flow(UUID.randomUUID(), "ordos", 20, T,
                new PensionTransfer("baotou", "ordos", PensionTransfer.Stage.COMPLETED, T.minusDays(6), T));

        assertThat(Observations.of(CATALOG.item(20).orElseThrow(), requested))
                .extracting(o -> o.indicator().code(), Observation::value)
                .containsExactly(tuple("transfers_requested", 1.0));
        assertThat(Observations.of(CATALOG.item(20).orElseThrow(), completed))
                .extracting(o -> o.indicator().code(), Observation::value)
                .containsExactly(tuple("transfers_completed", 1.0), tuple("transfer_days", 6.0));
    }

    @Test
    void shouldCountAnUnfulfilledEmergencyRequestWithoutADispatchTime() {
        EventEnvelope declined = EventEnvelope.flow(UUID.randomUUID(), "ordos", 21, T,
                new EmergencyRequest("ordos", "baotou", EmergencyRequest.Category.ACCIDENT,
                        EmergencyRequest.Resource.SUPPLIES, T.minusHours(1), null, null));

        assertThat(Observations.of(CATALOG.item(21).orElseThrow(), declined))
                .extracting(o -> o.indicator().code(), Observation::value)
                .containsExactly(tuple("support_requests", 1.0), tuple("fulfilled_rate", 0.0));
    }
}
