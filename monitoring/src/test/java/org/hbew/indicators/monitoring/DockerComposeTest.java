package org.hbew.indicators.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml: valid for docker-compose (no Docker engine needed for {@code config}), and in step
 * with the Prometheus scrape config, the Grafana provisioning and the Dockerfile.
 */
class DockerComposeTest {

    private static JsonNode services;

    @BeforeAll
    static void resolveTheComposeFile() {
        ProcessRunner.Result result = compose("config");
        assertThat(result.succeeded()).as(result.describe()).isTrue();
        services = MonitoringFiles.parseYaml(result.stdout()).get("services");
    }

    @Test
    void shouldPassDockerComposeConfig() {
        ProcessRunner.Result result = compose("config", "-q");

        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    @Test
    void shouldRunTheFullStack() {
        assertThat(names(services)).containsExactlyInAnyOrder(
                "kafka", "topics", "ingest", "processors", "prometheus", "alertmanager", "grafana");
    }

    @Test
    void shouldScrapeServicesThatExistOnThePortsTheyListenOn() {
        PrometheusConfigTest.jobs(MonitoringFiles.PROMETHEUS_COMPOSE).forEach((job, config) -> {
            PrometheusConfigTest.targets(config).forEach(target -> {
                String host = target.substring(0, target.indexOf(':'));
                int port = Integer.parseInt(target.substring(target.indexOf(':') + 1));
                if (!"localhost".equals(host)) {
                    assertThat(containerPorts(host)).as("job %s target %s", job, target).contains(port);
                }
            });
            MonitoringFiles.elements(config.get("dns_sd_configs")).forEach(sd ->
                    MonitoringFiles.elements(sd.get("names")).forEach(name ->
                            assertThat(containerPorts(name.asText())).as("job %s service %s", job, name)
                                    .contains(sd.get("port").asInt())));
        });
        JsonNode alertmanager = MonitoringFiles.readYaml(MonitoringFiles.PROMETHEUS_COMPOSE)
                .at("/alerting/alertmanagers/0/static_configs/0/targets/0");
        assertThat(alertmanager.asText()).isEqualTo("alertmanager:9093");
        assertThat(containerPorts("alertmanager")).contains(9093);
    }

    @Test
    void shouldLetProcessorsScaleWithoutHostPortConflicts() {
        JsonNode processors = services.get("processors");

        assertThat(MonitoringFiles.elements(processors.get("ports")))
                .allSatisfy(p -> assertThat(p.path("published").asText("")).as("fixed host port").isEmpty());
        assertThat(processors.has("container_name")).isFalse();
        assertThat(processors.path("environment").has("HBEW_ADVERTISED_HOST"))
                .as("one advertised host for every replica").isFalse();
    }

    @Test
    void shouldPublishTheContractPortsAndKeepTheKafkaControllerOff9093() {
        assertThat(publishedPorts("kafka")).containsExactly(9092);
        assertThat(publishedPorts("ingest")).containsExactly(8080);
        assertThat(publishedPorts("prometheus")).containsExactly(9090);
        assertThat(publishedPorts("alertmanager")).containsExactly(9093);
        assertThat(publishedPorts("grafana")).containsExactly(3000);
        assertThat(services.at("/kafka/environment/KAFKA_CONTROLLER_QUORUM_VOTERS").asText()).doesNotContain(":9093");
    }

    @Test
    void shouldMountTheMonitoringFilesReadOnly() {
        assertThat(volumes("prometheus")).contains(MonitoringFiles.PROMETHEUS + ":/etc/prometheus:ro");
        assertThat(volumes("alertmanager")).contains(MonitoringFiles.ALERTMANAGER.getParent() + ":/etc/alertmanager:ro");
        assertThat(volumes("grafana")).contains(
                MonitoringFiles.GRAFANA.resolve("provisioning") + ":/etc/grafana/provisioning:ro",
                MonitoringFiles.DASHBOARDS + ":/etc/grafana/dashboards:ro");
    }

    @Test
    void shouldBuildTheServiceImageFromTheLauncherDistribution() {
        String dockerfile = MonitoringFiles.read(MonitoringFiles.REPOSITORY.resolve("Dockerfile"));

        assertThat(dockerfile).contains("COPY launcher/target/lib/", "COPY launcher/target/hbew-launcher.jar",
                "org.hbew.indicators.launcher.Hbew");
        assertThat(Stream.of("topics", "ingest", "processors"))
                .allSatisfy(s -> assertThat(services.at("/" + s + "/build/dockerfile").asText()).isEqualTo("Dockerfile"));
        assertThat(services.at("/topics/command/0").asText()).isEqualTo("topics");
        assertThat(services.at("/ingest/command/0").asText()).isEqualTo("ingest");
        assertThat(services.at("/processors/command/0").asText()).isEqualTo("processors");
    }

    private static ProcessRunner.Result compose(String... args) {
        List<String> command = Stream.concat(Stream.of(
                ProcessRunner.require("docker-compose", "docker-compose").toString(),
                "-f", MonitoringFiles.COMPOSE.toString()), Stream.of(args)).toList();
        return ProcessRunner.run(MonitoringFiles.REPOSITORY, Duration.ofMinutes(1), command);
    }

    /** Ports the service's containers listen on: its port mappings' targets and its exposed ports. */
    private static Set<Integer> containerPorts(String service) {
        JsonNode s = services.get(service);
        assertThat(s).as("service " + service).isNotNull();
        return Stream.concat(MonitoringFiles.elements(s.get("ports")).map(p -> p.get("target").asInt()),
                MonitoringFiles.elements(s.get("expose")).map(JsonNode::asInt)).collect(Collectors.toSet());
    }

    private static List<Integer> publishedPorts(String service) {
        return MonitoringFiles.elements(services.get(service).get("ports"))
                .filter(p -> !p.path("published").asText("").isEmpty()).map(p -> p.get("published").asInt()).toList();
    }

    private static List<String> volumes(String service) {
        return MonitoringFiles.elements(services.get(service).get("volumes")).map(JsonNode::asText).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
