package org.hbew.indicators.importer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The outcome of an import. When it failed part-way, the counts say how far it got: everything
 * accepted is on Kafka, and a re-run sends it again with the same eventIds, which the processors drop.
 *
 * @param read     records read from the file
 * @param accepted records ingest accepted
 * @param rejected records refused (by ingest, or because they could not become JSON), all in the rejects file
 * @param failure  why the import stopped before the end, if it did
 */
public record ImportSummary(Path file, long read, long accepted, long rejected, Duration duration, Path rejectsFile,
                           Optional<String> failure) {

    public enum Outcome {
        /** Every record read was accepted. */
        COMPLETE,
        /** The whole file was read and sent, and some records were rejected. */
        SOME_REJECTED,
        /** The import stopped before the end of the file. */
        FAILED
    }

    public Outcome outcome() {
        if (failure.isPresent()) {
            return Outcome.FAILED;
        }
        return rejected > 0 ? Outcome.SOME_REJECTED : Outcome.COMPLETE;
    }

    /** Records read but neither accepted nor rejected: those of the batches in flight when the import stopped. */
    public long unresolved() {
        return Math.max(0, read - accepted - rejected);
    }

    /** Records read per second. */
    public double rate() {
        double seconds = duration.toNanos() / 1e9;
        return seconds <= 0 ? 0 : read / seconds;
    }
}
