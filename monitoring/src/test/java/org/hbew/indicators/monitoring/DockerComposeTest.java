package org.hbew.indicators.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hbew.indicators.ingest.IngestConfig;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docker-compose.yml and its SASL override docker-compose.sasl.yml: valid for docker-compose (no Docker engine is
 * needed for {@code config}), laid out as production needs (three brokers with replication factor 3, two processor
 * instances with a standby), safe by default (no plaintext Kafka listener, Prometheus or Alertmanager on all
 * interfaces, no anonymous Grafana, no Prometheus lifecycle API, demo tokens refused without HBEW_DEMO=1), and in
 * step with the Prometheus scrape config, the services' own defaults, the Grafana provisioning and the Dockerfile.
 */
class DockerComposeTest {

    private static final List<String> BROKERS = List.of("kafka-1", "kafka-2", "kafka-3");
    private static final List<String> PROCESSORS = List.of("processors-1", "processors-2");
    private static final List<String> HBEW_SERVICES = List.of("topics", "ingest", "processors-1", "processors-2");
    private static final Path SASL = MonitoringFiles.REPOSITORY.resolve("docker-compose.sasl.yml");
    private static final Path DEMO_READ_TOKEN = MonitoringFiles.PROMETHEUS.resolve("read-token");

    private static JsonNode services;
    private static JsonNode saslServices;

    @BeforeAll
    static void resolveTheComposeFiles(@TempDir Path dir) throws IOException {
        ProcessRunner.Result result = compose(List.of(), "config");
        assertThat(result.succeeded()).as(result.describe()).isTrue();
        services = MonitoringFiles.parseYaml(result.stdout()).get("services");

        Path passwords = Files.writeString(dir.resolve("sasl.env"), String.join("\n",
                "HBEW_KAFKA_TRUSTSTORE_PASSWORD=trust", "HBEW_KAFKA_ADMIN_PASSWORD=admin",
                "HBEW_KAFKA_INGEST_PASSWORD=ingest", "HBEW_KAFKA_PROCESSORS_PASSWORD=processors"));
        ProcessRunner.Result sasl = compose(List.of("--env-file", passwords.toString(), "-f", SASL.toString()),
                "config");
        assertThat(sasl.succeeded()).as(sasl.describe()).isTrue();
        saslServices = MonitoringFiles.parseYaml(sasl.stdout()).get("services");
    }

    @Test
    void shouldPassDockerComposeConfig() {
        ProcessRunner.Result result = compose(List.of(), "config", "-q");

        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    @Test
    void shouldRefuseTheSaslOverrideWithoutItsPasswords() {
        ProcessRunner.Result result = compose(List.of("-f", SASL.toString()), "config", "-q");

        assertThat(result.succeeded()).isFalse();
        assertThat(result.stderr()).contains("set HBEW_KAFKA_");
    }

    @Test
    void shouldRunTheFullStack() {
        assertThat(names(services)).containsExactlyInAnyOrder("kafka-1", "kafka-2", "kafka-3", "topics", "ingest",
                "processors-1", "processors-2", "prometheus", "alertmanager", "grafana");
    }

    @Test
    void shouldRunThreeBrokersReplicatingEverythingThreeTimes() {
        for (String broker : BROKERS) {
            JsonNode env = services.at("/" + broker + "/environment");
            assertThat(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText())
                    .isEqualTo("1@kafka-1:9094,2@kafka-2:9094,3@kafka-3:9094");
            assertThat(env.path("KAFKA_NODE_ID").asText()).isEqualTo(broker.substring("kafka-".length()));
            assertThat(env.path("KAFKA_DEFAULT_REPLICATION_FACTOR").asText()).isEqualTo("3");
            assertThat(env.path("KAFKA_MIN_INSYNC_REPLICAS").asText()).isEqualTo("2");
            assertThat(env.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asText()).isEqualTo("3");
            assertThat(env.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asText()).isEqualTo("3");
            assertThat(env.path("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR").asText()).isEqualTo("2");
            assertThat(env.path("CLUSTER_ID").asText()).isEqualTo(services.at("/kafka-1/environment/CLUSTER_ID").asText());
        }
        assertThat(command("topics")).containsSequence("--replication-factor", "3");
        for (String service : HBEW_SERVICES) {
            assertThat(services.at("/" + service + "/environment/HBEW_BOOTSTRAP_SERVERS").asText())
                    .isEqualTo("kafka-1:19092,kafka-2:19092,kafka-3:19092");
        }
    }

    @Test
    void shouldRunTwoProcessorInstancesWithAStandbyEachReachableByTheOther() {
        for (String instance : PROCESSORS) {
            JsonNode env = services.at("/" + instance + "/environment");
            assertThat(command(instance)).containsExactly("processors");
            assertThat(env.path("HBEW_STANDBY_REPLICAS").asText()).isEqualTo("1");
            assertThat(env.path("HBEW_REPLICATION_FACTOR").asText()).isEqualTo("3");
            assertThat(env.path("HBEW_ADVERTISED_HOST").asText()).isEqualTo(instance);
            assertThat(env.has("HBEW_APPLICATION_ID")).as("one application, the default id").isFalse();
        }
    }

    @Test
    void shouldListenWhereTheServicesListenByDefault() {
        assertThat(services.at("/ingest/environment/HBEW_PORT").asInt()).isEqualTo(IngestConfig.DEFAULT_PORT);
        assertThat(containerPorts("ingest")).containsExactly(IngestConfig.DEFAULT_PORT);
        for (String instance : PROCESSORS) {
            assertThat(services.at("/" + instance + "/environment/HBEW_HTTP_PORT").asInt())
                    .isEqualTo(ProcessorsConfig.DEFAULT_HTTP_PORT);
            assertThat(containerPorts(instance)).containsExactly(ProcessorsConfig.DEFAULT_HTTP_PORT);
        }
    }

    @Test
    void shouldScrapeServicesThatExistOnThePortsTheyListenOnWithTheReadToken() {
        PrometheusConfigTest.jobs(MonitoringFiles.PROMETHEUS_COMPOSE).forEach((job, config) -> {
            List<String> targets = PrometheusConfigTest.targets(config);
            targets.forEach(target -> {
                String host = target.substring(0, target.indexOf(':'));
                int port = Integer.parseInt(target.substring(target.indexOf(':') + 1));
                if (!"localhost".equals(host)) {
                    assertThat(containerPorts(host)).as("job %s target %s", job, target).contains(port);
                }
            });
            if (job.startsWith("hbew-")) {
                assertThat(config.at("/authorization/credentials_file").asText()).as("job %s", job)
                        .isEqualTo("read-token");
            }
        });
        assertThat(PrometheusConfigTest.targets(PrometheusConfigTest.jobs(MonitoringFiles.PROMETHEUS_COMPOSE)
                .get("hbew-processors"))).containsExactlyInAnyOrder("processors-1:8081", "processors-2:8081");
        assertThat(volumes("prometheus")).contains(DEMO_READ_TOKEN + ":/etc/prometheus/read-token:ro");
        JsonNode alertmanager = MonitoringFiles.readYaml(MonitoringFiles.PROMETHEUS_COMPOSE)
                .at("/alerting/alertmanagers/0/static_configs/0/targets/0");
        assertThat(alertmanager.asText()).isEqualTo("alertmanager:9093");
        assertThat(containerPorts("alertmanager")).contains(9093);
    }

    @Test
    void shouldGivePrometheusTheDemoReaderTokenOfTheDemoTokens() {
        String demoTokens = services.at("/ingest/environment/HBEW_TOKENS").asText();

        assertThat(Arrays.asList(demoTokens.split(","))).contains("reader=" + MonitoringFiles.read(DEMO_READ_TOKEN).strip())
                .allSatisfy(pair -> assertThat(pair.substring(pair.indexOf('=') + 1)).startsWith("demo-"));
    }

    @Test
    void shouldRefuseTheDemoTokensUnlessHbewDemoIsSet() {
        for (String service : HBEW_SERVICES) {
            assertThat(services.at("/" + service + "/environment/HBEW_DEMO").asText()).as(service).isEqualTo("0");
        }
    }

    @Test
    void shouldPublishTheContractPortsAndNoOpenKafkaListener() {
        assertThat(published("kafka-1")).containsExactly(new Port("127.0.0.1", 9092, 9092));
        assertThat(published("kafka-2")).containsExactly(new Port("127.0.0.1", 9192, 9192));
        assertThat(published("kafka-3")).containsExactly(new Port("127.0.0.1", 9292, 9292));
        assertThat(published("ingest")).containsExactly(new Port("", 8080, 8080));
        assertThat(published("processors-1")).containsExactly(new Port("127.0.0.1", 8081, 8081));
        assertThat(published("processors-2")).containsExactly(new Port("127.0.0.1", 8082, 8081));
        assertThat(published("prometheus")).containsExactly(new Port("127.0.0.1", 9090, 9090));
        assertThat(published("alertmanager")).containsExactly(new Port("127.0.0.1", 9093, 9093));
        assertThat(published("grafana")).containsExactly(new Port("", 3000, 3000));
        for (String broker : BROKERS) {
            assertThat(services.at("/" + broker + "/environment/KAFKA_CONTROLLER_QUORUM_VOTERS").asText())
                    .doesNotContain(":9093");
        }
    }

    @Test
    void shouldKeepGrafanaAnonymousAccessAndThePrometheusLifecycleApiOff() {
        assertThat(services.at("/grafana/environment/GF_AUTH_ANONYMOUS_ENABLED").asText()).isEqualTo("false");
        assertThat(command("prometheus")).noneMatch(arg -> arg.contains("lifecycle"));
    }

    @Test
    void shouldSecureEveryListenerAndGiveEachServiceItsOwnUserInTheSaslOverride() {
        for (String broker : BROKERS) {
            JsonNode env = saslServices.at("/" + broker + "/environment");
            assertThat(env.path("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").asText())
                    .isEqualTo("INTERNAL:SASL_SSL,EXTERNAL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT");
            assertThat(env.path("KAFKA_AUTHORIZER_CLASS_NAME").asText())
                    .isEqualTo("org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            assertThat(env.path("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND").asText()).isEqualTo("false");
        }
        assertThat(saslServices.at("/acls/command").toString()).contains("\"acls\"", "\"--apply\"", "--scram-users");
        assertThat(jaasUser("ingest")).isEqualTo("hbew-ingest");
        assertThat(jaasUser("processors-1")).isEqualTo("hbew-processors");
        assertThat(jaasUser("processors-2")).isEqualTo("hbew-processors");
        assertThat(jaasUser("topics")).isEqualTo("admin");
        for (String service : List.of("acls", "topics", "ingest", "processors-1", "processors-2")) {
            assertThat(saslServices.at("/" + service + "/environment/HBEW_KAFKA_SECURITY_PROTOCOL").asText())
                    .as(service).isEqualTo("SASL_SSL");
        }
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
                "org.hbew.indicators.launcher.Hbew").as("the services' artifact, without the tools")
                .doesNotContain("tools/target", "HbewTools");
        assertThat(HBEW_SERVICES).allSatisfy(s ->
                assertThat(services.at("/" + s + "/build/dockerfile").asText()).isEqualTo("Dockerfile"));
        assertThat(command("topics").get(0)).isEqualTo("topics");
        assertThat(command("ingest")).containsExactly("ingest");
    }

    /** A published port: the host address it is bound to ("" for every interface), the host port, the container's. */
    record Port(String hostIp, int published, int target) {

        /** From docker-compose's long syntax (an object) or its short one ({@code 127.0.0.1:9092:9092/tcp}). */
        static Port of(JsonNode node) {
            if (node.isObject()) {
                return new Port(node.path("host_ip").asText(""), node.path("published").asInt(0),
                        node.path("target").asInt());
            }
            String[] parts = node.asText().replaceFirst("/.*$", "").split(":");
            return switch (parts.length) {
                case 1 -> new Port("", 0, Integer.parseInt(parts[0]));
                case 2 -> new Port("", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
                default -> new Port(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
            };
        }
    }

    private static ProcessRunner.Result compose(List<String> options, String... args) {
        List<String> command = new ArrayList<>(List.of(
                ProcessRunner.require("docker-compose", "docker-compose").toString(),
                "-f", MonitoringFiles.COMPOSE.toString()));
        int envFile = options.indexOf("--env-file");
        if (envFile >= 0) {
            command.addAll(1, options.subList(envFile, envFile + 2));
        }
        for (int i = 0; i < options.size(); i++) {
            if (i == envFile) {
                i++;
            } else {
                command.add(options.get(i));
            }
        }
        command.addAll(List.of(args));
        return ProcessRunner.run(MonitoringFiles.REPOSITORY, Duration.ofMinutes(1), command);
    }

    private static String jaasUser(String service) {
        String jaas = saslServices.at("/" + service + "/environment/HBEW_KAFKA_SASL_JAAS_CONFIG").asText();
        int start = jaas.indexOf("username=\"") + "username=\"".length();
        return jaas.substring(start, jaas.indexOf('"', start));
    }

    /** Ports the service's containers listen on: its port mappings' targets and its exposed ports. */
    private static Set<Integer> containerPorts(String service) {
        JsonNode s = services.get(service);
        assertThat(s).as("service " + service).isNotNull();
        return Stream.concat(MonitoringFiles.elements(s.get("ports")).map(p -> Port.of(p).target()),
                MonitoringFiles.elements(s.get("expose")).map(JsonNode::asInt)).collect(Collectors.toSet());
    }

    private static List<Port> published(String service) {
        return MonitoringFiles.elements(services.get(service).get("ports")).map(Port::of)
                .filter(p -> p.published() != 0).toList();
    }

    private static List<String> command(String service) {
        return MonitoringFiles.elements(services.get(service).get("command")).map(JsonNode::asText).toList();
    }

    private static List<String> volumes(String service) {
        return MonitoringFiles.elements(services.get(service).get("volumes")).map(v -> v.isObject()
                ? v.path("source").asText() + ":" + v.path("target").asText() + (v.path("read_only").asBoolean()
                ? ":ro" : "") : v.asText().replaceFirst(":rw$", "")).toList();
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
