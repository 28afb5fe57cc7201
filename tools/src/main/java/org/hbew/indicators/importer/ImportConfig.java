package org.hbew.indicators.importer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Settings of one import.
 *
 * @param token       the bearer token: admin for a file of several cities, or the one city's token
 * @param batchSize   events per request
 * @param parallelism requests in flight at once
 * @param rejectsFile where rejected records go; replaced on each run, created only when something is rejected
 */
public record ImportConfig(String token, int batchSize, int parallelism, ImportFormat format, Path rejectsFile) {

    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final int DEFAULT_PARALLELISM = 2;

    public ImportConfig {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(rejectsFile, "rejectsFile");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
    }

    /** {@code <file>.rejects.ndjson} beside the file. */
    public static Path defaultRejectsFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".rejects.ndjson");
    }

    @Override
    public String toString() {
        return "ImportConfig[batchSize=" + batchSize + ", parallelism=" + parallelism + ", format=" + format
                + ", rejectsFile=" + rejectsFile + "]";
    }
}
