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
 * <p>One request must not hold the same event twice (the same city and eventId, the processors' de-duplication
 * key): one of them would be dropped downstream while the answer said both were accepted, and with different
 * values nobody could say which one counts. Each repeat is a problem naming the first occurrence's index, and
 * the first occurrence a problem naming the first repeat's.
 */
final class EventBatch {

    private EventBatch() {
    }

    /** The checked events in request order, or a 400 listing every problem by event index. */
    static List<EventEnvelope> validate(List<PostedEvent> posted, EventParser parser) {
        List<EventEnvelope> events = new ArrayList<>(posted.size());
        List<IndexedProblem> problems = new ArrayList<>();
        Map<String, Integer> firstIndexOf = new HashMap<>();
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
                if (first != null) {
                    if (repeated.add(key)) {
                        problems.add(new IndexedProblem(first, "eventId", "event " + event.index()
                                + " of this request has the same city and eventId; each event needs its own eventId"));
                    }
                    problems.add(new IndexedProblem(event.index(), "eventId", "event " + first + " of this request "
                            + "has the same city and eventId; each event needs its own eventId"));
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
