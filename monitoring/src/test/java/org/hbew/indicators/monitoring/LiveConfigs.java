package org.hbew.indicators.monitoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Map;

/**
 * The project's Prometheus and Alertmanager configs, adapted for a test of minutes on free ports:
 * <ul>
 *   <li>Prometheus: prometheus-standalone.yml with its targets moved to where the test's processes listen,
 *       scrape and evaluation every second, and the rules of {@link RulesTestVariant};</li>
 *   <li>Alertmanager: alertmanager.yml with {@code group_wait} and {@code group_interval} of one second on
 *       every route, so a routed alert shows up at once. Routes, matchers, receivers and inhibitions are
 *       the project's.</li>
 * </ul>
 */
final class LiveConfigs {

    private LiveConfigs() {
    }

    /**
     * @param targets    the standalone config's targets ({@code localhost:8080}, ...) and what replaces them
     * @param rulesGlob  where the rule files of the test variant are
     */
    static Path prometheus(Path file, Map<String, String> targets, String rulesGlob) {
        ObjectNode config = (ObjectNode) MonitoringFiles.readYaml(MonitoringFiles.PROMETHEUS_STANDALONE);
        ObjectNode global = (ObjectNode) config.get("global");
        global.put("scrape_interval", "1s").put("evaluation_interval", "1s");
        config.putArray("rule_files").add(rulesGlob);
        config.findValues("targets").forEach(list -> replaceTargets((ArrayNode) list, targets));
        MonitoringFiles.writeYaml(file, config);
        return file;
    }

    static Path alertmanager(Path file) {
        ObjectNode config = (ObjectNode) MonitoringFiles.readYaml(MonitoringFiles.ALERTMANAGER);
        shortenWaits((ObjectNode) config.get("route"));
        MonitoringFiles.writeYaml(file, config);
        return file;
    }

    private static void replaceTargets(ArrayNode list, Map<String, String> targets) {
        for (int i = 0; i < list.size(); i++) {
            String target = list.get(i).asText();
            if (!targets.containsKey(target)) {
                throw new IllegalArgumentException("no live address for the target " + target);
            }
            list.set(i, targets.get(target));
        }
    }

    private static void shortenWaits(ObjectNode route) {
        route.put("group_wait", "1s").put("group_interval", "1s");
        MonitoringFiles.elements(route.get("routes")).forEach(child -> shortenWaits((ObjectNode) child));
    }
}
