package org.hbew.indicators.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.simulator.GeneratorSettings;
import org.hbew.indicators.simulator.Scenario;
import org.hbew.indicators.simulator.Simulator;
import org.hbew.indicators.standalone.Standalone;
import org.hbew.indicators.standalone.StandaloneConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The monitoring verified against the running product: the whole product in-process (broker, ingest,
 * processors, simulator), a real Prometheus scraping it with the project's rules (every {@code for:}
 * shortened, {@link RulesTestVariant}) and a real Alertmanager with the project's routing. Then: a city
 * outage fires HbewCitySilent in Prometheus and reaches that city's receiver in Alertmanager; it resolves
 * when the city reports again; and every PromQL query of every dashboard panel returns data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringLiveIT {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringLiveIT.class);

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final String OUTAGE_CITY = "ordos";
    private static final Duration CITY_SILENCE = Duration.ofSeconds(15);
    private static final String SHORT_FOR = "3s";

    /** The dashboards' variables filled in with values the simulator produces. */
    private static final Map<String, String> VARIABLES = Map.of(
            "item", "18", "city", OUTAGE_CITY, "indicator", "direct_settlement_rate", "window", "1d");

    /**
     * Series a dashboard panel reads that the processors do not export yet (see the report on issue 5).
     * A query over one of them is checked only once the series exists in Prometheus.
     */
    @TempDir
    static Path dir;

    private Standalone product;
    private LocalServer alertmanager;
    private LocalServer prometheus;

    @BeforeAll
    void startTheProductPrometheusAndAlertmanager() {
        StandaloneConfig config = StandaloneConfig.defaults(dir.resolve("standalone"))
                .withPorts(0, 0, 0)
                .withSimulation(10, GeneratorSettings.defaults(20_200_920L))
                .withTiming(CITY_SILENCE, Duration.ofSeconds(1));
        product = new Standalone(config, CATALOG);
        product.start();

        Path alertmanagerConfig = LiveConfigs.alertmanager(dir.resolve("alertmanager.yml"));
        alertmanager = FreePorts.onFreePort(port -> LocalServer.alertmanager(alertmanagerConfig,
                directory("alertmanager"), port));

        RulesTestVariant.write(MonitoringFiles.RULES, directory("rules"), SHORT_FOR);
        // Prometheus scrapes itself, so its config names its own port: written anew for each port tried.
        prometheus = FreePorts.onFreePort(port -> LocalServer.prometheus(LiveConfigs.prometheus(
                dir.resolve("prometheus.yml"), Map.of(
                        "localhost:8080", hostPort(product.ingestUrl()),
                        "localhost:8081", hostPort(product.processorsUrl()),
                        "localhost:9093", hostPort(alertmanager.url("")),
                        "localhost:9090", "127.0.0.1:" + port), dir.resolve("rules") + "/*.yml"),
                directory("prometheus"), port));
        LOG.info("Live monitoring: ingest {}, processors {}, {}, {}", product.ingestUrl(), product.processorsUrl(),
                prometheus, alertmanager);

        await("Prometheus scraping ingest and processors").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> query("up{job=~\"hbew-ingest|hbew-processors\"} == 1").size() == 2);
        await("the processors exporting hbew_indicator_last_event_timestamp_seconds of " + OUTAGE_CITY)
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !query("city:hbew_indicator_last_event_timestamp_seconds:max{city=\"" + OUTAGE_CITY
                        + "\"}").isEmpty());
    }

    @AfterAll
    void stopEverything() {
        // Each in its own finally: a failure to stop one must not leave the others running.
        try {
            if (prometheus != null) {
                prometheus.close();
            }
        } finally {
            try {
                if (alertmanager != null) {
                    alertmanager.close();
                }
            } finally {
                if (product != null) {
                    product.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void shouldFireCitySilentAndRouteItToTheCityWhenACityStopsReporting() {
        // Whatever fires next is the outage's doing (a slow start-up could have left the city silent a moment).
        await("no HbewCitySilent for " + OUTAGE_CITY + " before the outage")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> citySilentInPrometheus().isEmpty());

        simulator().switchScenario(Scenario.CITY_OUTAGE, OUTAGE_CITY);

        await("HbewCitySilent firing for " + OUTAGE_CITY + " in Prometheus")
                .atMost(CITY_SILENCE.plusSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> citySilentInPrometheus().stream().anyMatch(a -> "firing".equals(a.path("state").asText())));

        await("HbewCitySilent for " + OUTAGE_CITY + " in Alertmanager")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !citySilentInAlertmanager().isEmpty());
        JsonNode routed = citySilentInAlertmanager().get(0);
        assertThat(MonitoringFiles.elements(routed.get("receivers")).map(r -> r.get("name").asText()))
                .containsExactly("city-" + OUTAGE_CITY);
        assertThat(routed.at("/labels/severity").asText()).isEqualTo("critical");
        assertThat(routed.at("/annotations/runbook_url").asText()).isEqualTo("docs/runbooks.md#hbewcitysilent");
        assertThat(routed.at("/annotations/description").asText()).startsWith(
                "No event of any item has arrived from " + OUTAGE_CITY + " for ");
        assertThat(allInAlertmanager()).as("every alert routed as its labels say").allSatisfy(alert -> {
            LOG.info("In Alertmanager: {} -> {}", alert.get("labels"), alert.get("receivers"));
            assertThat(MonitoringFiles.elements(alert.get("receivers")).map(r -> r.get("name").asText()))
                    .as(alert.get("labels").toString()).containsExactly(expectedReceiver(alert.get("labels")));
        });
    }

    @Test
    @Order(2)
    void shouldResolveWhenTheCityReportsAgain() {
        simulator().switchScenario(Scenario.STEADY, null);

        await("HbewCitySilent for " + OUTAGE_CITY + " resolved in Prometheus")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> citySilentInPrometheus().isEmpty());
    }

    @Test
    @Order(3)
    void shouldAnswerEveryDashboardQueryWithData() {
        List<DashboardQueries.PanelQuery> queries = DashboardQueries.all();

        // Kafka Streams' task and node metrics reach Micrometer on its first refresh, about a minute after start.
        List<String> empty = new ArrayList<>();
        await("every dashboard query returning data").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    empty.clear();
                    queries.stream()
                            .filter(q -> query(q.filled(VARIABLES)).isEmpty())
                            .forEach(q -> empty.add(q + "\n    as run: " + q.filled(VARIABLES)));
                    return empty.isEmpty();
                });
        assertThat(empty).as("queries without data").isEmpty();
        assertThat(queries.size()).isGreaterThan(30);
    }

    private List<JsonNode> citySilentInPrometheus() {
        return MonitoringFiles.elements(Http.getJson(prometheus.url("/api/v1/alerts")).at("/data/alerts"))
                .filter(a -> "HbewCitySilent".equals(a.at("/labels/alertname").asText()))
                .filter(a -> OUTAGE_CITY.equals(a.at("/labels/city").asText()))
                .toList();
    }

    private List<JsonNode> citySilentInAlertmanager() {
        URI uri = alertmanager.url("/api/v2/alerts?active=true&filter="
                + encode("alertname=\"HbewCitySilent\"") + "&filter=" + encode("city=\"" + OUTAGE_CITY + "\""));
        return MonitoringFiles.elements(Http.getJson(uri)).toList();
    }

    private List<JsonNode> allInAlertmanager() {
        return MonitoringFiles.elements(Http.getJson(alertmanager.url("/api/v2/alerts?active=true"))).toList();
    }

    /** What alertmanager.yml means: the item's team, else a catalog city's data office, else the operators. */
    private static String expectedReceiver(JsonNode labels) {
        if (labels.hasNonNull("team")) {
            return "team-" + labels.get("team").asText();
        }
        String city = labels.path("city").asText("");
        return CATALOG.city(city).isPresent() ? "city-" + city : "hbew-operators";
    }

    private List<JsonNode> query(String promql) {
        JsonNode answer = Http.getJson(prometheus.url("/api/v1/query?query=" + encode(promql)));
        assertThat(answer.path("status").asText()).as(promql).isEqualTo("success");
        return MonitoringFiles.elements(answer.at("/data/result")).toList();
    }

    private Simulator simulator() {
        return product.simulator().orElseThrow();
    }

    private Path directory(String name) {
        try {
            return Files.createDirectories(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String hostPort(URI url) {
        return url.getHost() + ":" + url.getPort();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
