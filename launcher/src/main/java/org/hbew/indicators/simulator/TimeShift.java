package org.hbew.indicators.simulator;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.hbew.indicators.event.EmergencyRequest;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.FlowPayload;
import org.hbew.indicators.event.MedicalSettlement;
import org.hbew.indicators.event.PensionTransfer;

/**
 * Moves an event back in time as a whole: {@code occurredAt} and every time in its payload, so a late
 * event stays consistent (a payload time after {@code occurredAt} would be rejected).
 */
final class TimeShift {

    private TimeShift() {
    }

    static EventEnvelope back(EventEnvelope event, Duration by) {
        EventEnvelope moved = event.withOccurredAt(event.occurredAt().minus(by));
        if (event.payload() == null) {
            return moved;
        }
        return new EventEnvelope(moved.schemaVersion(), moved.eventId(), moved.city(), moved.item(),
                moved.indicator(), moved.occurredAt(), null, null, back(event.payload(), by));
    }

    private static FlowPayload back(FlowPayload payload, Duration by) {
        if (payload instanceof MedicalSettlement m) {
            return new MedicalSettlement(m.insuredCity(), m.treatmentCity(), m.amount(), m.direct(),
                    minus(m.dischargedAt(), by), minus(m.settledAt(), by));
        }
        if (payload instanceof PensionTransfer p) {
            return new PensionTransfer(p.fromCity(), p.toCity(), p.stage(), minus(p.requestedAt(), by),
                    minus(p.completedAt(), by));
        }
        EmergencyRequest e = (EmergencyRequest) payload;
        return new EmergencyRequest(e.requestingCity(), e.supportingCity(), e.category(), e.resource(),
                minus(e.requestedAt(), by), minus(e.dispatchedAt(), by), minus(e.arrivedAt(), by));
    }

    private static OffsetDateTime minus(OffsetDateTime t, Duration by) {
        return t == null ? null : t.minus(by);
    }
}
