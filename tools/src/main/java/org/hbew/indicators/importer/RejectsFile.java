package org.hbew.indicators.importer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;
import org.hbew.indicators.ingestclient.EventProblem;
import org.hbew.indicators.json.Json;

/**
 * The rejected records of an import, one JSON object per line: {@code line} (where the record starts in
 * the file), {@code reason} (all its problems in one sentence), {@code problems} ({@code field},
 * {@code message}) and {@code original} (the record as it stands in the file), so the file can be fixed
 * and the lines imported again. The file is only created when something is rejected. Thread-safe.
 */
final class RejectsFile implements Closeable {

    private final Supplier<Writer> opener;
    private Writer writer;
    private long written;

    private RejectsFile(Supplier<Writer> opener) {
        this.opener = opener;
    }

    /** Rejections of this run replace any file of an earlier run, which is removed at once. */
    static RejectsFile replacing(Path path) throws IOException {
        Files.deleteIfExists(path);
        return new RejectsFile(() -> {
            try {
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                return Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the rejects file " + path, e);
            }
        });
    }

    static RejectsFile to(Writer writer) {
        return new RejectsFile(() -> writer);
    }

    synchronized void write(Rejection rejection) throws IOException {
        if (writer == null) {
            writer = opener.get();
        }
        ObjectNode line = Json.mapper().createObjectNode();
        line.put("line", rejection.record().line());
        line.put("reason", rejection.reason());
        ArrayNode problems = line.putArray("problems");
        for (EventProblem problem : rejection.problems()) {
            problems.addObject().put("field", problem.field()).put("message", problem.message());
        }
        line.put("original", rejection.record().original());
        writer.write(Json.mapper().writeValueAsString(line));
        writer.write('\n');
        written++;
    }

    synchronized long written() {
        return written;
    }

    @Override
    public synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }

    /** For a writer given by a test: flushes without closing it. */
    synchronized void flush() throws IOException {
        if (writer != null) {
            writer.flush();
        }
    }
}
