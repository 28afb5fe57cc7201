package org.hbew.indicators.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The PromQL of every panel of every dashboard, and the same with Grafana's variables filled in. */
final class DashboardQueries {

    /** Grafana's variables of a query over a time range, as Grafana would fill them for a short live test. */
    static final Map<String, String> BUILT_INS = Map.of(
            "__rate_interval", "1m",
            "__interval", "15s",
            "__range", "5m");

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)}|\\[\\[(\\w+)]]|\\$(\\w+)");

    /** One target of one panel. */
    record PanelQuery(String dashboard, int panelId, String panelTitle, String expr) {

        /** The expression with every variable replaced; unknown variables are left for the caller to notice. */
        String filled(Map<String, String> variables) {
            Matcher m = VARIABLE.matcher(expr);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String name = variableName(m);
                String value = variables.getOrDefault(name, BUILT_INS.get(name));
                m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** The variables the expression uses, built-ins included. */
        List<String> variables() {
            Matcher m = VARIABLE.matcher(expr);
            List<String> names = new ArrayList<>();
            while (m.find()) {
                names.add(variableName(m));
            }
            return names;
        }

        @Override
        public String toString() {
            return dashboard + " panel " + panelId + " \"" + panelTitle + "\": " + expr;
        }
    }

    private DashboardQueries() {
    }

    /** The name in {@code ${name}}, {@code [[name]]} or {@code $name}. */
    private static String variableName(Matcher match) {
        return match.group(1) != null ? match.group(1) : match.group(2) != null ? match.group(2) : match.group(3);
    }

    static List<Path> dashboardFiles() {
        return MonitoringFiles.list(MonitoringFiles.DASHBOARDS, ".json");
    }

    static List<PanelQuery> all() {
        return dashboardFiles().stream().flatMap(DashboardQueries::of).toList();
    }

    static Stream<PanelQuery> of(Path dashboardFile) {
        JsonNode dashboard = MonitoringFiles.readJson(dashboardFile);
        String name = dashboardFile.getFileName().toString();
        return panels(dashboard)
                .sorted(Comparator.comparingInt(p -> p.path("id").asInt()))
                .flatMap(panel -> MonitoringFiles.elements(panel.get("targets"))
                        .filter(t -> t.hasNonNull("expr"))
                        .map(t -> new PanelQuery(name, panel.path("id").asInt(), panel.path("title").asText(),
                                t.get("expr").asText())));
    }

    /** Every panel, those nested in collapsed rows included. */
    static Stream<JsonNode> panels(JsonNode dashboard) {
        return MonitoringFiles.elements(dashboard.get("panels"))
                .flatMap(p -> Stream.concat(Stream.of(p), MonitoringFiles.elements(p.get("panels"))));
    }
}
