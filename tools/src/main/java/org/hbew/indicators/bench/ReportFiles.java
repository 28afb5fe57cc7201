package org.hbew.indicators.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.hbew.indicators.json.Json;

/**
 * Writes a run's report as {@code bench-<UTC time>.json} (every figure, for scripts and the tests) and
 * {@code bench-<UTC time>.md} (the tables, for docs/benchmarks.md), so repeated runs sit side by side.
 */
public final class ReportFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    /** Where the two files went. */
    public record Written(Path json, Path markdown) {
    }

    private ReportFiles() {
    }

    public static Written write(BenchReport report, Path dir) {
        String name = "bench-" + STAMP.format(report.startedAt());
        Path json = dir.resolve(name + ".json");
        Path markdown = dir.resolve(name + ".md");
        try {
            Files.createDirectories(dir);
            Files.writeString(json, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report)
                    + System.lineSeparator(), StandardCharsets.UTF_8);
            Files.writeString(markdown, ReportFormatter.markdown(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the benchmark report to " + dir, e);
        }
        return new Written(json, markdown);
    }
}
