package org.hbew.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.FlowMeasure;
import org.junit.jupiter.api.Test;

/** What each flow's payload says about itself: its times, their order, the movement, its measures. */
class FlowPayloadTest {

    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");

    private static final List<FlowPayload> PAYLOADS = List.of(
            new MedicalSettlement("ordos", "hohhot", 900, true, T.minusHours(48), T),
            new MedicalSettlement("ordos", "hohhot", 900, false, T.minusHours(48), T),
            new PensionTransfer("ordos", "baotou", PensionTransfer.Stage.REQUESTED, T, null),
            new PensionTransfer("ordos", "baotou", PensionTransfer.Stage.COMPLETED, T.minusDays(20), T),
            new EmergencyRequest("ordos", "hohhot", EmergencyRequest.Category.ACCIDENT,
                    EmergencyRequest.Resource.TEAM, T, null, null),
            new EmergencyRequest("ordos", "hohhot", EmergencyRequest.Category.ACCIDENT,
                    EmergencyRequest.Resource.TEAM, T.minusHours(3), T.minusHours(2), T));

    @Test
    void shouldNameTheSameTimeFieldsAsItsFlow() {
        assertThat(PayloadForm.of(Flow.MEDICAL_SETTLEMENT).timeFields()).containsExactly("dischargedAt", "settledAt");
        assertThat(PayloadForm.of(Flow.PENSION_TRANSFER).timeFields()).containsExactly("requestedAt", "completedAt");
        assertThat(PayloadForm.of(Flow.EMERGENCY_REQUEST).timeFields())
                .containsExactly("requestedAt", "dispatchedAt", "arrivedAt");
        for (FlowPayload payload : PAYLOADS) {
            assertThat(payload.timeFields()).isSameAs(PayloadForm.of(payload.flow()).timeFields());
        }
    }

    @Test
    void shouldAnswerEachTimeByItsIndex() {
        MedicalSettlement m = (MedicalSettlement) PAYLOADS.get(0);
        assertThat(List.of(m.time(0), m.time(1))).containsExactly(m.dischargedAt(), m.settledAt());
        PensionTransfer p = (PensionTransfer) PAYLOADS.get(2);
        assertThat(p.time(0)).isEqualTo(p.requestedAt());
        assertThat(p.time(1)).isNull();
        EmergencyRequest e = (EmergencyRequest) PAYLOADS.get(5);
        assertThat(List.of(e.time(0), e.time(1), e.time(2)))
                .containsExactly(e.requestedAt(), e.dispatchedAt(), e.arrivedAt());
        assertThatThrownBy(() -> m.time(2)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void shouldOrderItsTimesAsTheFlowRequires() {
        assertThat(orders(PAYLOADS.get(0))).containsExactly("settledAt>=dischargedAt");
        assertThat(orders(PAYLOADS.get(2))).containsExactly("completedAt>=requestedAt");
        assertThat(orders(PAYLOADS.get(4))).containsExactly("dispatchedAt>=requestedAt", "arrivedAt>=dispatchedAt");
        for (FlowPayload payload : PAYLOADS) {
            assertThat(payload.timeOrders()).noneMatch(order -> order.brokenBy(payload));
        }
        EmergencyRequest arrivedEarly = new EmergencyRequest("ordos", "hohhot", EmergencyRequest.Category.ACCIDENT,
                EmergencyRequest.Resource.TEAM, T.minusHours(3), T, T.minusHours(1));
        assertThat(arrivedEarly.timeOrders()).filteredOn(order -> order.brokenBy(arrivedEarly))
                .containsExactly(new TimeOrder(2, 1));
    }

    @Test
    void shouldTellWhetherTheMovementHappened() {
        assertThat(PAYLOADS).extracting(FlowPayload::completesMovement)
                .containsExactly(true, false, false, true, false, true);
    }

    @Test
    void shouldRefuseAMeasureOfAnotherFlow() {
        assertThatThrownBy(() -> PAYLOADS.get(0).measure(FlowMeasure.TRANSFER_DAYS))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PAYLOADS.get(2).measure(FlowMeasure.EMERGENCY_COUNT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PAYLOADS.get(4).measure(FlowMeasure.SETTLEMENT_AMOUNT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldShiftEveryTimeItHasAndKeepTheRest() {
        Duration by = Duration.ofMinutes(-90).plusNanos(5);
        for (FlowPayload payload : PAYLOADS) {
            FlowPayload shifted = payload.withTimesShiftedBy(by);
            assertThat(shifted.getClass()).isSameAs(payload.getClass());
            for (int i = 0; i < payload.timeFields().size(); i++) {
                OffsetDateTime time = payload.time(i);
                assertThat(shifted.time(i)).isEqualTo(time == null ? null : time.plus(by));
            }
            assertThat(shifted.withTimesShiftedBy(by.negated())).isEqualTo(payload);
        }
    }

    private static List<String> orders(FlowPayload payload) {
        List<String> words = new ArrayList<>();
        for (TimeOrder order : payload.timeOrders()) {
            words.add(payload.timeFields().get(order.later()) + ">=" + payload.timeFields().get(order.earlier()));
        }
        return words;
    }
}
