package org.hbew.indicators.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** The file formats import reads. */
public enum ImportFormat {
    /** By the file name: {@code .csv} is CSV, {@code .ndjson}, {@code .jsonl}, {@code .json} are NDJSON. */
    AUTO,
    NDJSON,
    CSV;

    /** The concrete format of a file: this one, or for {@link #AUTO} the one its name says, else its first character. */
    ImportFormat resolve(Path file, BufferedReader reader) throws IOException {
        if (this != AUTO) {
            return this;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return CSV;
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl") || name.endsWith(".json")) {
            return NDJSON;
        }
        reader.mark(4096);
        int c;
        do {
            c = reader.read();
        } while (c == '\uFEFF' || (c != -1 && Character.isWhitespace(c)));
        reader.reset();
        return c == '{' ? NDJSON : CSV;
    }

    RecordSource open(BufferedReader reader) {
        return switch (this) {
            case NDJSON -> new NdjsonSource(reader);
            case CSV -> new CsvSource(reader);
            case AUTO -> throw new IllegalStateException("resolve the format first");
        };
    }
}
