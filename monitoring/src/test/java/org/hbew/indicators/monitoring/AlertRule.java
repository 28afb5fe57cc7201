package org.hbew.indicators.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One alerting rule as written in a rule file. */
record AlertRule(String group, String name, String expr, String forDuration, Map<String, String> labels,
                 Map<String, String> annotations) {

    /** The alerting rules of a rule file, in file order. */
    static List<AlertRule> load(Path ruleFile) {
        JsonNode root = MonitoringFiles.readYaml(ruleFile);
        return MonitoringFiles.elements(root.get("groups"))
                .flatMap(group -> MonitoringFiles.elements(group.get("rules"))
                        .filter(rule -> rule.has("alert"))
                        .map(rule -> new AlertRule(group.get("name").asText(), rule.get("alert").asText(),
                                rule.get("expr").asText(), rule.path("for").asText(""),
                                strings(rule.get("labels")), strings(rule.get("annotations")))))
                .toList();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        if (object != null) {
            object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        }
        return map;
    }
}
