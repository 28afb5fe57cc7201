package org.hbew.indicators.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the monitoring files are, and reading and writing them. */
final class MonitoringFiles {

    /** The monitoring module (Maven runs the tests here). */
    static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
    static final Path REPOSITORY = MODULE.getParent();

    static final Path PROMETHEUS = MODULE.resolve("prometheus");
    static final Path RULES = PROMETHEUS.resolve("rules");
    static final Path ALERT_RULES = RULES.resolve("hbew-alerts.yml");
    static final Path RULE_TESTS = PROMETHEUS.resolve("tests");
    static final Path PROMETHEUS_COMPOSE = PROMETHEUS.resolve("prometheus.yml");
    static final Path PROMETHEUS_STANDALONE = PROMETHEUS.resolve("prometheus-standalone.yml");
    static final Path ALERTMANAGER = MODULE.resolve("alertmanager/alertmanager.yml");
    static final Path GRAFANA = MODULE.resolve("grafana");
    static final Path DASHBOARDS = GRAFANA.resolve("dashboards");
    static final Path RUNBOOKS = REPOSITORY.resolve("docs/runbooks.md");
    static final Path COMPOSE = REPOSITORY.resolve("docker-compose.yml");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));
    private static final ObjectMapper JSON = new ObjectMapper();

    private MonitoringFiles() {
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode parseYaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse YAML", e);
        }
    }

    static void writeYaml(Path file, Object tree) {
        try {
            YAML.writeValue(file.toFile(), tree);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode parseJson(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse JSON: " + text, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The files in {@code dir} whose names end with {@code suffix}, sorted by name. */
    static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The elements of a YAML/JSON array, or none if the node is missing. */
    static Stream<JsonNode> elements(JsonNode array) {
        return array == null ? Stream.empty() : Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(array::get);
    }
}
