package org.hbew.indicators.simulator;

import java.time.Duration;
import org.hbew.indicators.event.EventEnvelope;

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
                moved.indicator(), moved.occurredAt(), null, null, event.payload().withTimesShiftedBy(by.negated()));
    }
}
