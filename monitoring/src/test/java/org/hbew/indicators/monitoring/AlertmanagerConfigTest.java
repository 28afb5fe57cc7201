package org.hbew.indicators.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.catalog.Team;
import org.junit.jupiter.api.Test;

/** alertmanager.yml: valid for amtool, and routing by owning team (from the catalog), by city, and the rest. */
class AlertmanagerConfigTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final JsonNode CONFIG = MonitoringFiles.readYaml(MonitoringFiles.ALERTMANAGER);

    @Test
    void shouldPassAmtoolCheckConfig() {
        ProcessRunner.Result result = Amtool.checkConfig(MonitoringFiles.ALERTMANAGER);

        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    @Test
    void shouldRouteItemAlertsToTheTeamThatOwnsTheItem() {
        assertThat(CATALOG.teams()).isNotEmpty().allSatisfy(team ->
                assertThat(routed(Map.of("alertname", "HbewIndicatorLagging", "severity", "warning",
                        "team", team.code(), "city", "ordos", "item", anItemOf(team))))
                        .as("receivers of an alert of team %s", team.code())
                        .containsExactly("team-" + team.code()));
    }

    @Test
    void shouldRouteCityAlertsToTheCityDataOffice() {
        assertThat(CATALOG.cities()).hasSize(4).allSatisfy(city ->
                assertThat(routed(Map.of("alertname", "HbewCitySilent", "severity", "critical", "city", city.code())))
                        .containsExactly("city-" + city.code()));
    }

    @Test
    void shouldRoutePipelineAlertsAndUnknownCitiesToTheOperators() {
        assertThat(routed(Map.of("alertname", "HbewTargetDown", "severity", "critical", "job", "hbew-ingest")))
                .containsExactly("hbew-operators");
        assertThat(routed(Map.of("alertname", "HbewIngestInvalidEvents", "severity", "warning", "city", "unknown")))
                .containsExactly("hbew-operators");
    }

    @Test
    void shouldDeclareAReceiverForEveryTeamAndCity() {
        List<String> receivers = MonitoringFiles.elements(CONFIG.get("receivers"))
                .map(r -> r.get("name").asText()).toList();

        assertThat(receivers).contains("hbew-operators")
                .containsAll(CATALOG.teams().stream().map(t -> "team-" + t.code()).toList())
                .containsAll(CATALOG.cities().stream().map(c -> "city-" + c.code()).toList())
                .doesNotHaveDuplicates();
    }

    @Test
    void shouldLetASilentCityInhibitItsOwnStaleAlerts() {
        List<String> alerts = AlertRule.load(MonitoringFiles.ALERT_RULES).stream().map(AlertRule::name).toList();

        assertThat(MonitoringFiles.elements(CONFIG.get("inhibit_rules")).toList()).anySatisfy(rule -> {
            assertThat(texts(rule.get("source_matchers"))).containsExactly("alertname=\"HbewCitySilent\"");
            assertThat(texts(rule.get("target_matchers"))).containsExactly("alertname=\"HbewIndicatorStale\"");
            assertThat(texts(rule.get("equal"))).containsExactly("city");
        });
        assertThat(alerts).contains("HbewCitySilent", "HbewIndicatorStale");
    }

    private static List<String> routed(Map<String, String> labels) {
        return Amtool.receivers(MonitoringFiles.ALERTMANAGER, labels);
    }

    private static String anItemOf(Team team) {
        return CATALOG.items().stream().filter(i -> i.team().code().equals(team.code())).map(Item::number)
                .map(String::valueOf).findFirst().orElseThrow(() -> new AssertionError("no item of " + team));
    }

    private static List<String> texts(JsonNode array) {
        return MonitoringFiles.elements(array).map(JsonNode::asText).collect(Collectors.toList());
    }
}
