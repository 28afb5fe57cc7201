package org.hbew.indicators.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;
import org.hbew.indicators.kafka.KafkaClientProperties;

/**
 * The operator's Kafka client settings written to a file, for what reads them only from one: Kafka's
 * ProducerPerformance ({@code --command-config}) and the processors' child JVM ({@code --kafka-config}). The file
 * holds passwords, so it is created readable by its owner alone (0600) before anything is written into it, and
 * deleted when closed; it lives in the benchmark's temporary directory, which is removed at the end in any case.
 */
final class KafkaConfigFile implements AutoCloseable {

    private final Path path;
    private final Set<String> properties;

    private KafkaConfigFile(Path path, Set<String> properties) {
        this.path = path;
        this.properties = properties;
    }

    static KafkaConfigFile write(Path path, KafkaClientProperties settings) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(path);
        }
        Properties properties = new Properties();
        properties.putAll(settings.asMap());
        // To a stream, Properties writes pure ASCII (other characters as Unicode escapes), which Kafka's tools
        // (reading ISO-8859-1) and ./hbew (reading UTF-8) read back alike, whatever characters a password has.
        try (OutputStream out = Files.newOutputStream(path)) {
            properties.store(out, "Kafka client settings of ./hbew bench, deleted when no longer needed");
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        return new KafkaConfigFile(path, Set.copyOf(settings.asMap().keySet()));
    }

    Path path() {
        return path;
    }

    /** The names of the settings in the file, for tools whose command-line properties would override them. */
    Set<String> properties() {
        return properties;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the Kafka client settings file " + path, e);
        }
    }
}
