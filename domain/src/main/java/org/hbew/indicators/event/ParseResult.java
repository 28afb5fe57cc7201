package org.hbew.indicators.event;

import java.util.List;

/** Either a checked event or every problem found in the input. */
public sealed interface ParseResult {

    record Valid(EventEnvelope event) implements ParseResult {
    }

    record Invalid(List<Problem> problems) implements ParseResult {
        public Invalid {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid result needs at least one problem");
            }
            problems = List.copyOf(problems);
        }

        /** The reason of the first problem: what a dead letter is filed under. */
        public Problem.Kind reason() {
            return problems.get(0).kind();
        }
    }
}
