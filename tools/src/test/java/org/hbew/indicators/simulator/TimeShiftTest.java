package org.hbew.indicators.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hbew.indicators.event.EmergencyRequest;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.MedicalSettlement;
import org.hbew.indicators.event.PensionTransfer;
import org.junit.jupiter.api.Test;

class TimeShiftTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");
    private static final Duration BY = Duration.ofMinutes(45);
    private static final UUID ID = UUID.fromString("3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b");

    @Test
    void shouldMoveAPlainEventBack() {
        EventEnvelope event = EventEnvelope.plain(ID, "ordos", 2, "road_km_opened", T, 12.5, "km");

        assertThat(TimeShift.back(event, BY)).isEqualTo(event.withOccurredAt(T.minus(BY)));
    }

    @Test
    void shouldMoveEveryTimeOfAFlowEventBack() {
        assertThat(TimeShift.back(EventEnvelope.flow(ID, "ordos", 18, T,
                new MedicalSettlement("ordos", "hohhot", 900, true, T.minusHours(48), T)), BY))
                .isEqualTo(EventEnvelope.flow(ID, "ordos", 18, T.minus(BY),
                        new MedicalSettlement("ordos", "hohhot", 900, true, T.minusHours(48).minus(BY), T.minus(BY))));
        assertThat(TimeShift.back(EventEnvelope.flow(ID, "ordos", 20, T,
                new PensionTransfer("ordos", "baotou", PensionTransfer.Stage.REQUESTED, T, null)), BY))
                .isEqualTo(EventEnvelope.flow(ID, "ordos", 20, T.minus(BY),
                        new PensionTransfer("ordos", "baotou", PensionTransfer.Stage.REQUESTED, T.minus(BY), null)));
        assertThat(TimeShift.back(EventEnvelope.flow(ID, "ordos", 21, T,
                new EmergencyRequest("ordos", "hohhot", EmergencyRequest.Category.ACCIDENT,
                        EmergencyRequest.Resource.TEAM, T.minusHours(3), T.minusHours(2), null)), BY))
                .isEqualTo(EventEnvelope.flow(ID, "ordos", 21, T.minus(BY),
                        new EmergencyRequest("ordos", "hohhot", EmergencyRequest.Category.ACCIDENT,
                                EmergencyRequest.Resource.TEAM, T.minusHours(3).minus(BY), T.minusHours(2).minus(BY),
                                null)));
    }
}
