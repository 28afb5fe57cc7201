package org.hbew.indicators.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import org.hbew.indicators.event.Problem;

/**
 * One event as the body held it, before validation: its index (see {@link IndexedProblem}) and either its JSON
 * or, for an NDJSON line that is not JSON, the problem with that line.
 */
record PostedEvent(int index, JsonNode json, Problem malformed) {

    static PostedEvent parsed(int index, JsonNode json) {
        return new PostedEvent(index, json, null);
    }

    static PostedEvent malformed(int index, String message) {
        return new PostedEvent(index, null, new Problem(Problem.Kind.MALFORMED_JSON, "", message));
    }

    boolean isMalformed() {
        return malformed != null;
    }

    /** The {@code city} the event names, if it names one as text; what a city token is checked against. */
    String claimedCity() {
        JsonNode city = json == null ? null : json.get("city");
        return city != null && city.isTextual() ? city.asText() : null;
    }
}
