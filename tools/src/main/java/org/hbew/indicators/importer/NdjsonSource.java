package org.hbew.indicators.importer;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * NDJSON: one event per non-blank line, posted as it is. Whether a line is JSON at all is for ingest to
 * say, like everything else about it, so the rejects file shows ingest's own words.
 */
final class NdjsonSource implements RecordSource {

    private final BufferedReader reader;
    private long lineNumber;

    NdjsonSource(BufferedReader reader) {
        this.reader = reader;
    }

    @Override
    public SourceRecord next() throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1) {
                line = CsvSource.withoutByteOrderMark(line);
            }
            if (!line.isBlank()) {
                return SourceRecord.event(lineNumber, line, line.strip());
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
