package org.hbew.indicators.processors.topology;

import org.hbew.indicators.event.EventEnvelope;

/** A record of hbew.events.raw after parsing: the event, or (event null) the bytes that will be dead-lettered. */
record Parsed(EventEnvelope event, byte[] raw) {

    boolean valid() {
        return event != null;
    }
}
