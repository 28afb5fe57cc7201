package org.hbew.indicators.ingest;

import java.util.ArrayList;
import java.util.List;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.event.ParseResult;
import org.hbew.indicators.event.Problem;

/**
 * The events of one request, checked all-or-nothing: every event goes through the shared {@link EventParser}
 * and every problem of every event is collected, so the sender fixes the whole file in one round; a single
 * invalid event makes the whole request a 400 and nothing is written.
 */
final class EventBatch {

    private EventBatch() {
    }

    /** The checked events in request order, or a 400 listing every problem by event index. */
    static List<EventEnvelope> validate(List<PostedEvent> posted, EventParser parser) {
        List<EventEnvelope> events = new ArrayList<>(posted.size());
        List<IndexedProblem> problems = new ArrayList<>();
        for (PostedEvent event : posted) {
            if (event.isMalformed()) {
                problems.add(IndexedProblem.of(event.index(), event.malformed()));
                continue;
            }
            ParseResult result = parser.parse(event.json());
            if (result instanceof ParseResult.Valid valid) {
                events.add(valid.event());
            } else if (result instanceof ParseResult.Invalid invalid) {
                for (Problem problem : invalid.problems()) {
                    problems.add(IndexedProblem.of(event.index(), problem));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw IngestErrors.invalidEvents(problems);
        }
        return events;
    }
}
