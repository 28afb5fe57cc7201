package org.hbew.indicators.importer;

import java.io.Closeable;
import java.io.IOException;

/** Reads the records of a file one at a time, so a file of any size streams through. */
interface RecordSource extends Closeable {

    /** The next record, or null at the end of the file. */
    SourceRecord next() throws IOException;
}
