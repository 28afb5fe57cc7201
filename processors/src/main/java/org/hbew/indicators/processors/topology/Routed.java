package org.hbew.indicators.processors.topology;

import org.hbew.indicators.event.EventEnvelope;

/** An event judged on time ({@code lateByMs} negative) or late by {@code lateByMs} behind stream time. */
record Routed(EventEnvelope event, long lateByMs) {

    boolean late() {
        return lateByMs >= 0;
    }
}
