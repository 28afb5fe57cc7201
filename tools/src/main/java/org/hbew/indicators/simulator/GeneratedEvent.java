package org.hbew.indicators.simulator;

import org.hbew.indicators.event.EventEnvelope;

/** One event of the simulated stream and why it is there. */
public record GeneratedEvent(EventEnvelope event, Kind kind) {

    public enum Kind {
        /** A new event, happening now. */
        FRESH,
        /** An earlier event sent again with the same eventId, as a retrying city system would. */
        DUPLICATE,
        /** A new event whose times lie in the past, as a system catching up after a backlog would send. */
        LATE
    }

    public String city() {
        return event.city();
    }
}
