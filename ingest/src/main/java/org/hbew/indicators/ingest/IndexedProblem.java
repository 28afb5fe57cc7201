package org.hbew.indicators.ingest;

import org.hbew.indicators.event.Problem;

/**
 * One problem of one posted event, as a 400 or 403 answer lists it.
 *
 * @param index the event's position: its index in a JSON array (0 for a single object), or its 0-based line
 *              number in NDJSON (blank lines keep their number)
 * @param field a dotted path such as {@code payload.amount}; empty for the event as a whole
 */
record IndexedProblem(int index, String field, String message) {

    static IndexedProblem of(int index, Problem problem) {
        return new IndexedProblem(index, problem.field(), problem.message());
    }
}
