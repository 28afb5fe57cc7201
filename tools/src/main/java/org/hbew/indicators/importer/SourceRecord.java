package org.hbew.indicators.importer;

/**
 * One event of the file being imported: where it starts, its text as it stands in the file, and either
 * the JSON to post or why it cannot be posted at all (a CSV row that cannot become JSON).
 *
 * @param line     1-based line number of the record's first line
 * @param original the record as it stands in the file (a CSV record may span lines)
 * @param json     the event as one line of JSON, or null when {@code problem} is set
 * @param field    the field the problem is in, empty for the record as a whole
 * @param problem  why the record cannot be posted, or null
 */
public record SourceRecord(long line, String original, String json, String field, String problem) {

    public static SourceRecord event(long line, String original, String json) {
        return new SourceRecord(line, original, json, null, null);
    }

    public static SourceRecord unusable(long line, String original, String field, String problem) {
        return new SourceRecord(line, original, null, field, problem);
    }

    public boolean usable() {
        return problem == null;
    }
}
