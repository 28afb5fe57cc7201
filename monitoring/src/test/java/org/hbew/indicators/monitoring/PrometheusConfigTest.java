package org.hbew.indicators.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two scrape configs: valid for promtool, the same jobs, the standalone one on the contract's ports. */
class PrometheusConfigTest {

    @Test
    void shouldPassPromtoolCheckConfigForCompose() {
        ProcessRunner.Result result = Promtool.checkConfig(MonitoringFiles.PROMETHEUS_COMPOSE);

        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    @Test
    void shouldPassPromtoolCheckConfigForStandalone() {
        ProcessRunner.Result result = Promtool.checkConfig(MonitoringFiles.PROMETHEUS_STANDALONE);

        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    @Test
    void shouldScrapeTheSameJobsInBothSoRulesAndDashboardsFitEither() {
        assertThat(jobs(MonitoringFiles.PROMETHEUS_STANDALONE).keySet())
                .containsExactlyElementsOf(jobs(MonitoringFiles.PROMETHEUS_COMPOSE).keySet())
                .contains("hbew-ingest", "hbew-processors");
    }

    @Test
    void shouldScrapeStandaloneOnTheContractPorts() {
        Map<String, JsonNode> jobs = jobs(MonitoringFiles.PROMETHEUS_STANDALONE);

        assertThat(targets(jobs.get("hbew-ingest"))).containsExactly("localhost:8080");
        assertThat(targets(jobs.get("hbew-processors"))).containsExactly("localhost:8081");
        assertThat(MonitoringFiles.readYaml(MonitoringFiles.PROMETHEUS_STANDALONE)
                .at("/alerting/alertmanagers/0/static_configs/0/targets/0").asText()).isEqualTo("localhost:9093");
    }

    @Test
    void shouldLoadTheProjectRules() {
        assertThat(List.of(MonitoringFiles.PROMETHEUS_COMPOSE, MonitoringFiles.PROMETHEUS_STANDALONE))
                .allSatisfy(config -> assertThat(MonitoringFiles.readYaml(config).at("/rule_files/0").asText())
                        .isEqualTo("rules/*.yml"));
    }

    static Map<String, JsonNode> jobs(Path config) {
        Map<String, JsonNode> jobs = new LinkedHashMap<>();
        MonitoringFiles.elements(MonitoringFiles.readYaml(config).get("scrape_configs"))
                .forEach(job -> jobs.put(job.get("job_name").asText(), job));
        return jobs;
    }

    static List<String> targets(JsonNode job) {
        return MonitoringFiles.elements(job.get("static_configs"))
                .flatMap(c -> MonitoringFiles.elements(c.get("targets"))).map(JsonNode::asText).toList();
    }
}
