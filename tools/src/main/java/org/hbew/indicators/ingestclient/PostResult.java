package org.hbew.indicators.ingestclient;

import java.util.List;

/** What ingest made of one batch, after any retries. */
public sealed interface PostResult {

    /** 202: every event of the batch is on Kafka. */
    record Accepted(int accepted) implements PostResult {
    }

    /**
     * 400 or 403 naming the events at fault: nothing of the batch was written, and the events not named
     * would be accepted on their own.
     */
    record Refused(int status, String error, String message, List<EventProblem> problems) implements PostResult {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /** 413: the batch is too large (bytes or events); a smaller one may pass. */
    record TooLarge(String message) implements PostResult {
    }

    /** Anything else: unauthorised, a malformed request, or ingest unavailable after all retries. */
    record Failed(int status, String message) implements PostResult {
        /** Status used when no HTTP answer came at all. */
        public static final int NO_ANSWER = -1;
    }
}
