package org.hbew.indicators.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * The date-times of one envelope that {@link EnvelopeShape} has read already, by the node they were read from, so
 * that the parser's checks do not read them a second time (reading date-times was a tenth of the processors' parsing).
 * An envelope has at most four.
 */
final class ReadTimes {

    private static final int CAPACITY = 4;

    private final JsonNode[] nodes = new JsonNode[CAPACITY];
    private final OffsetDateTime[] times = new OffsetDateTime[CAPACITY];
    private int size;

    void put(JsonNode node, OffsetDateTime time) {
        if (size < CAPACITY) {
            nodes[size] = node;
            times[size] = time;
            size++;
        }
    }

    /** The date-time read from this very node, or null. */
    OffsetDateTime get(JsonNode node) {
        for (int i = 0; i < size; i++) {
            if (nodes[i] == node) {
                return times[i];
            }
        }
        return null;
    }
}
