package org.hbew.indicators.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Grafana provisioning and dashboards: valid dashboard JSON (uid, title, schemaVersion, unique panel
 * ids, data source by the provisioned uid), variables defined where used, and PromQL that Prometheus
 * parses. That every query returns data is checked live by MonitoringLiveIT.
 */
class GrafanaDashboardsTest {

    private static final JsonNode DATASOURCES =
            MonitoringFiles.readYaml(MonitoringFiles.GRAFANA.resolve("provisioning/datasources/prometheus.yml"));
    private static final String DATASOURCE_UID = DATASOURCES.get("datasources").get(0).get("uid").asText();

    @Test
    void shouldProvisionThePrometheusDataSourceByUid() {
        JsonNode datasource = DATASOURCES.get("datasources").get(0);

        assertThat(DATASOURCES.get("datasources").size()).isEqualTo(1);
        assertThat(datasource.get("type").asText()).isEqualTo("prometheus");
        assertThat(datasource.get("url").asText()).isEqualTo("http://prometheus:9090");
        assertThat(DATASOURCE_UID).isEqualTo("hbew-prometheus");
    }

    @Test
    void shouldProvisionTheDashboardsReadOnlyFromFiles() {
        JsonNode provider = MonitoringFiles.readYaml(
                MonitoringFiles.GRAFANA.resolve("provisioning/dashboards/dashboards.yml")).get("providers").get(0);

        assertThat(provider.get("type").asText()).isEqualTo("file");
        assertThat(provider.get("allowUiUpdates").asBoolean()).isFalse();
        assertThat(provider.get("disableDeletion").asBoolean()).isTrue();
        assertThat(provider.at("/options/path").asText()).isEqualTo("/etc/grafana/dashboards");
    }

    @Test
    void shouldHaveTheThreeNumberedDashboards() {
        assertThat(DashboardQueries.dashboardFiles()).map(p -> p.getFileName().toString())
                .containsExactly("01-agreement-overview.json", "02-item-drilldown.json", "03-pipeline-health.json");
    }

    @Test
    void shouldBeValidDashboardJson() {
        Set<String> uids = new HashSet<>();
        for (Path file : DashboardQueries.dashboardFiles()) {
            JsonNode dashboard = MonitoringFiles.readJson(file);
            String name = file.getFileName().toString();

            assertThat(dashboard.path("uid").asText()).as(name).matches("[a-z0-9-]{1,40}");
            assertThat(uids.add(dashboard.get("uid").asText())).as("unique uid of " + name).isTrue();
            assertThat(dashboard.path("title").asText()).as(name).isNotBlank();
            assertThat(dashboard.path("schemaVersion").isInt()).as(name).isTrue();
            assertThat(dashboard.get("schemaVersion").asInt()).as(name).isGreaterThanOrEqualTo(36);
            assertThat(dashboard.path("editable").asBoolean(true)).as("read-only " + name).isFalse();
            assertThat(dashboard.path("id").isMissingNode() || dashboard.path("id").isNull())
                    .as("no database id in " + name).isTrue();

            List<JsonNode> panels = DashboardQueries.panels(dashboard).toList();
            assertThat(panels).as(name).isNotEmpty();
            assertThat(panels).map(p -> p.path("id").asInt(-1)).as("panel ids of " + name)
                    .doesNotHaveDuplicates().allMatch(id -> id > 0);
            assertThat(panels).allSatisfy(panel -> assertPanel(name, panel));
        }
    }

    @Test
    void shouldDefineEveryVariableTheQueriesUse() {
        for (Path file : DashboardQueries.dashboardFiles()) {
            JsonNode dashboard = MonitoringFiles.readJson(file);
            Set<String> defined = MonitoringFiles.elements(dashboard.path("templating").get("list"))
                    .map(v -> v.get("name").asText()).collect(Collectors.toSet());
            defined.addAll(DashboardQueries.BUILT_INS.keySet());
            MonitoringFiles.elements(dashboard.path("templating").get("list"))
                    .filter(v -> "query".equals(v.path("type").asText()))
                    .forEach(v -> assertThat(v.at("/datasource/uid").asText()).as(v.get("name").asText())
                            .isEqualTo(DATASOURCE_UID));

            assertThat(DashboardQueries.of(file).toList()).allSatisfy(query ->
                    assertThat(defined).as(query.toString()).containsAll(query.variables()));
        }
    }

    @Test
    void shouldWritePromqlThatPrometheusParses(@TempDir Path dir) {
        // promtool has no offline query check, but it parses the expression of every recording rule.
        Map<String, String> sample = Map.of("item", "18", "city", "ordos", "indicator", "direct_settlement_rate",
                "window", "1d");
        List<DashboardQueries.PanelQuery> queries = DashboardQueries.all();
        ObjectNode rules = JsonNodeFactory.instance.objectNode();
        var list = rules.putArray("groups").addObject().put("name", "dashboards").putArray("rules");
        for (int i = 0; i < queries.size(); i++) {
            list.addObject().put("record", "dashboard_query_" + i).put("expr", queries.get(i).filled(sample));
        }
        Path file = dir.resolve("dashboard-queries.yml");
        MonitoringFiles.writeYaml(file, rules);

        ProcessRunner.Result result = Promtool.checkRules(List.of(file));

        assertThat(queries).hasSizeGreaterThan(30);
        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    private static void assertPanel(String dashboard, JsonNode panel) {
        String what = dashboard + " panel " + panel.path("id").asInt() + " " + panel.path("title").asText();
        assertThat(panel.path("title").asText()).as(what).isNotBlank();
        assertThat(panel.path("type").asText()).as(what).isNotBlank();
        JsonNode grid = panel.get("gridPos");
        assertThat(grid).as(what).isNotNull();
        assertThat(grid.path("x").asInt() + grid.path("w").asInt()).as(what).isBetween(1, 24);
        if (panel.path("type").asText().matches("row|text")) {
            return;
        }
        assertThat(panel.at("/datasource/uid").asText()).as(what).isEqualTo(DATASOURCE_UID);
        List<JsonNode> targets = MonitoringFiles.elements(panel.get("targets")).toList();
        assertThat(targets).as(what).isNotEmpty().allSatisfy(target -> {
            assertThat(target.path("expr").asText()).as(what).isNotBlank();
            assertThat(target.at("/datasource/uid").asText()).as(what).isEqualTo(DATASOURCE_UID);
        });
        assertThat(targets).map(t -> t.path("refId").asText()).as(what).doesNotHaveDuplicates();
    }
}
