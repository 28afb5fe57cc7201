package org.hbew.indicators.importer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hbew.indicators.ingestclient.EventProblem;

/**
 * Records posted together. Ingest takes a batch all or nothing, naming the events at fault by their
 * index; {@link #refuse} files those away and keeps the others for the next attempt.
 */
final class Batch {

    private final List<SourceRecord> records;

    Batch(List<SourceRecord> records) {
        this.records = List.copyOf(records);
    }

    int size() {
        return records.size();
    }

    boolean isEmpty() {
        return records.isEmpty();
    }

    List<String> jsons() {
        return records.stream().map(SourceRecord::json).toList();
    }

    /** The refused records with their problems, and the batch without them. */
    Refusal refuse(List<EventProblem> problems, String messageIfNoneMatches) {
        Map<Integer, List<EventProblem>> byIndex = new LinkedHashMap<>();
        for (EventProblem problem : problems) {
            if (problem.index() >= 0 && problem.index() < records.size()) {
                byIndex.computeIfAbsent(problem.index(), i -> new ArrayList<>()).add(problem);
            }
        }
        if (byIndex.isEmpty()) {
            return everythingRefused(messageIfNoneMatches);
        }
        List<Rejection> rejected = new ArrayList<>();
        List<SourceRecord> rest = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            List<EventProblem> own = byIndex.get(i);
            if (own == null) {
                rest.add(records.get(i));
            } else {
                rejected.add(new Rejection(records.get(i), own));
            }
        }
        return new Refusal(rejected, new Batch(rest));
    }

    /** Every record refused for one reason, when ingest names no event (it should never happen). */
    Refusal everythingRefused(String message) {
        List<Rejection> rejected = records.stream()
                .map(r -> new Rejection(r, List.of(new EventProblem(0, "", message)))).toList();
        return new Refusal(rejected, new Batch(Collections.emptyList()));
    }

    List<Batch> halves() {
        int half = records.size() / 2;
        return List.of(new Batch(records.subList(0, half)), new Batch(records.subList(half, records.size())));
    }

    /** What {@link #refuse} splits a batch into. */
    record Refusal(List<Rejection> rejected, Batch remaining) {
    }
}
