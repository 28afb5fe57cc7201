package org.hbew.indicators.processors.topology;

import org.hbew.indicators.event.EventEnvelope;

/** What counting valid events sends on: changed window figures ({@link ItemCityUpdate}), or an event that was late. */
sealed interface Counted permits ItemCityUpdate, Counted.Late {

    /** An event whose window had closed: {@code lateByMs} behind the task's stream time. */
    record Late(EventEnvelope event, long lateByMs) implements Counted {
    }
}
