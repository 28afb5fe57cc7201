package org.hbew.indicators.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The project's rule files made fit for a test that lasts minutes, not hours: every {@code for:} of every
 * alerting rule becomes {@code shortFor}, and nothing else changes (expressions, thresholds, range
 * windows, labels and annotations are the project's own). Rules without {@code for:} stay without it.
 */
final class RulesTestVariant {

    private RulesTestVariant() {
    }

    /** Writes the variant of every file of {@code rulesDir} into {@code targetDir}; returns the files written. */
    static List<Path> write(Path rulesDir, Path targetDir, String shortFor) {
        try {
            Files.createDirectories(targetDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return MonitoringFiles.list(rulesDir, ".yml").stream().map(file -> {
            JsonNode rules = MonitoringFiles.readYaml(file);
            MonitoringFiles.elements(rules.get("groups"))
                    .flatMap(group -> MonitoringFiles.elements(group.get("rules")))
                    .filter(rule -> rule.has("alert") && rule.has("for"))
                    .forEach(rule -> ((ObjectNode) rule).put("for", shortFor));
            Path variant = targetDir.resolve(file.getFileName());
            MonitoringFiles.writeYaml(variant, rules);
            return variant;
        }).toList();
    }
}
