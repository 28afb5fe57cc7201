package org.hbew.indicators.importer;

/** Shows an import's progress to whoever runs it. Called from the import's sender threads, so thread-safe. */
public interface ProgressReporter extends AutoCloseable {

    /** Called after every batch; cheap, and may be ignored between displays. */
    void update(ImportProgress progress);

    /** Called once with the final figures. */
    void finish(ImportProgress progress);

    @Override
    default void close() {
    }

    /** Shows nothing: for embedded use and tests. */
    static ProgressReporter silent() {
        return new ProgressReporter() {
            @Override
            public void update(ImportProgress progress) {
            }

            @Override
            public void finish(ImportProgress progress) {
            }
        };
    }
}
