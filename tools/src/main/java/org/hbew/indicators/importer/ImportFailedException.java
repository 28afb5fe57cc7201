package org.hbew.indicators.importer;

/** The import cannot go on: the file is unreadable or unusable, or ingest refuses the whole import. */
public final class ImportFailedException extends RuntimeException {

    public ImportFailedException(String message) {
        super(message);
    }

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
