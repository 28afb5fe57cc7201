package org.hbew.indicators.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.event.ParseResult;
import org.hbew.indicators.event.Problem;

/**
 * The events of one request, checked all-or-nothing: every event goes through the shared {@link EventParser}
 * and every problem of every event is collected, so the sender fixes the whole file in one round; a single
 * invalid event makes the whole request a 400 and nothing is written.
 *
 * <p>One request must not hold two different events under one city and eventId (the processors'
 * de-duplication key): only the first would count while the answer said both were accepted, and nobody could
 * say which values were meant. Each conflicting repeat is a problem naming the first occurrence's index, and
 * the first occurrence a problem naming the first conflicting repeat's. An exact copy of an event (a sender
 * that retries within its own batch) is accepted like any repeated post: written once more and counted once.
 */
final class EventBatch {

    private EventBatch() {
    }

    /** The checked events in request order, or a 400 listing every problem by event index. */
    static List<EventEnvelope> validate(List<PostedEvent> posted, EventParser parser) {
        List<EventEnvelope> events = new ArrayList<>(posted.size());
        List<IndexedProblem> problems = new ArrayList<>();
        Map<String, Integer> firstIndexOf = new HashMap<>();
        Map<String, EventEnvelope> firstEvent = new HashMap<>();
        Set<String> repeated = new HashSet<>();
        for (PostedEvent event : posted) {
            if (event.isMalformed()) {
                problems.add(IndexedProblem.of(event.index(), event.malformed()));
                continue;
            }
            ParseResult result = parser.parse(event.json());
            if (result instanceof ParseResult.Valid valid) {
                events.add(valid.event());
                String key = valid.event().city() + ":" + valid.event().eventId();
                Integer first = firstIndexOf.putIfAbsent(key, event.index());
                firstEvent.putIfAbsent(key, valid.event());
                if (first != null && !firstEvent.get(key).equals(valid.event())) {
                    if (repeated.add(key)) {
                        problems.add(new IndexedProblem(first, "eventId", "event " + event.index()
                                + " of this request has the same city and eventId but other content; each event "
                                + "needs its own eventId"));
                    }
                    problems.add(new IndexedProblem(event.index(), "eventId", "event " + first + " of this request "
                            + "has the same city and eventId but other content; each event needs its own eventId"));
                }
            } else if (result instanceof ParseResult.Invalid invalid) {
                for (Problem problem : invalid.problems()) {
                    problems.add(IndexedProblem.of(event.index(), problem));
                }
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingInt(IndexedProblem::index));
            throw IngestErrors.invalidEvents(problems);
        }
        return events;
    }
}
