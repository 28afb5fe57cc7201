package org.hbew.indicators.importer;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * CSV with a header row (see {@link CsvEnvelope} for the columns), one event per record. A quoted
 * cell may span lines; the record's line number is that of its first line. Blank lines are skipped.
 */
final class CsvSource implements RecordSource {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final BufferedReader reader;
    private long lineNumber;
    private long recordStart;
    private CsvEnvelope envelope;

    CsvSource(BufferedReader reader) {
        this.reader = reader;
    }

    @Override
    public SourceRecord next() throws IOException {
        if (envelope == null) {
            String header = nextRecord();
            if (header == null) {
                return null;
            }
            envelope = CsvEnvelope.fromHeader(CsvFields.split(header));
        }
        String record = nextRecord();
        if (record == null) {
            return null;
        }
        return envelope.convert(recordStart, record, CsvFields.split(record));
    }

    /** The next non-blank record, its quoted line breaks included; null at the end. */
    private String nextRecord() throws IOException {
        String line;
        do {
            line = reader.readLine();
            if (line == null) {
                return null;
            }
            lineNumber++;
            if (lineNumber == 1) {
                line = withoutByteOrderMark(line);
            }
        } while (line.isBlank());
        recordStart = lineNumber;
        StringBuilder record = new StringBuilder(line);
        while (CsvFields.insideQuotes(record)) {
            String more = reader.readLine();
            if (more == null) {
                break;
            }
            lineNumber++;
            record.append('\n').append(more);
        }
        return record.toString();
    }

    static String withoutByteOrderMark(String line) {
        return !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK ? line.substring(1) : line;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
