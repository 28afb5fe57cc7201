package org.hbew.indicators.processors.topology;

import org.hbew.indicators.event.EventEnvelope;

/**
 * What {@link CountEvents} sends on: changed window figures ({@link ItemCityUpdate}), an event that was late, or a
 * raw record that cannot be counted.
 */
sealed interface Counted permits ItemCityUpdate, Counted.Late, Counted.DeadLetter {

    /** An event whose window had closed: {@code lateByMs} behind the task's stream time. */
    record Late(EventEnvelope event, long lateByMs) implements Counted {
    }

    /** A raw record as received, for hbew.events.dlq; its headers say why. */
    record DeadLetter(byte[] raw) implements Counted {
    }
}
