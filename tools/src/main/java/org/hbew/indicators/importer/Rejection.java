package org.hbew.indicators.importer;

import java.util.List;
import java.util.stream.Collectors;
import org.hbew.indicators.ingestclient.EventProblem;

/** A record of the file that was not imported, with every problem found in it. */
public record Rejection(SourceRecord record, List<EventProblem> problems) {

    public Rejection {
        problems = List.copyOf(problems);
    }

    static Rejection local(SourceRecord record) {
        return new Rejection(record, List.of(new EventProblem(0, record.field(), record.problem())));
    }

    /** The problems in one line, e.g. {@code item: unknown item 23; value: must be a whole number}. */
    public String reason() {
        return problems.stream().map(EventProblem::toString).collect(Collectors.joining("; "));
    }
}
