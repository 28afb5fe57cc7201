package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a benchmark run wrote into its {@code --out} directory, for the tests that run one. */
final class BenchOutput {

    private BenchOutput() {
    }

    /** The one report of the run with this suffix ({@code .json} or {@code .md}); fails if there is not exactly one. */
    static Path report(Path out, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            List<Path> matching = files.filter(f -> f.getFileName().toString().startsWith("bench-")
                    && f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(matching).as("reports %s in %s", suffix, out).hasSize(1);
            return matching.get(0);
        }
    }
}
