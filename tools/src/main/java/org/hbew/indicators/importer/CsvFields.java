package org.hbew.indicators.importer;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV record into its fields, RFC 4180 style: comma-separated, fields in double quotes may
 * hold commas, line breaks and doubled quotes ({@code ""} for {@code "}).
 */
final class CsvFields {

    private CsvFields() {
    }

    /** Whether the text ends inside a quoted field, so the record goes on on the next line. */
    static boolean insideQuotes(CharSequence text) {
        boolean inside = false;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '"') {
                inside = !inside;
            }
        }
        return inside;
    }

    /** The fields of a complete record; a quote in the middle of an unquoted field is kept as it is. */
    static List<String> split(String record) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        for (int i = 0; i < record.length(); i++) {
            char c = record.charAt(i);
            if (inQuotes) {
                if (c == '"' && i + 1 < record.length() && record.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    inQuotes = false;
                } else {
                    field.append(c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                quoted = false;
            } else if (c == '"' && field.length() == 0 && !quoted) {
                inQuotes = true;
                quoted = true;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
