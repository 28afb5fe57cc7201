package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.processors.StreamsSettings;
import org.hbew.indicators.processors.metrics.PipelineMetrics;
import org.hbew.indicators.processors.topology.IndicatorTopology;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The query API's HTTP behaviour that needs no broker: probes, the operators' page, parameter errors and
 * the 503 of stores that cannot be read, served by a real server over a Kafka Streams that was never
 * started (so every store read is refused, as while an instance starts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryServerTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();

    private Path stateDir;

    private KafkaStreams streams;
    private PrometheusMeterRegistry registry;
    private QueryServer server;
    private HttpProbe http;

    @BeforeAll
    void startServer() throws IOException {
        stateDir = Files.createTempDirectory("hbew-query-server-test");
        TopologySettings settings = TopologySettings.defaults(4);
        ProcessorsConfig config = ProcessorsConfig.defaults("127.0.0.1:1", stateDir).withTopology(settings)
                .withHttpPort(0);
        Properties props = StreamsSettings.properties(config, new PipelineMetrics(new SimpleMeterRegistry(), CATALOG));
        Topology topology = new IndicatorTopology(CATALOG, settings,
                new PipelineMetrics(new SimpleMeterRegistry(), CATALOG)).topology(props);
        streams = new KafkaStreams(topology, props);
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.counter("hbew_test_total").increment();
        server = new QueryServer(new QueryServer.Settings("127.0.0.1", 0, new HostInfo("localhost", 0),
                Duration.ofMinutes(15)), streams, CATALOG, settings, registry);
        server.start();
        http = new HttpProbe(server.port());
    }

    @AfterAll
    void stopServer() throws IOException {
        server.close();
        streams.close(Duration.ofSeconds(5));
        registry.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void shouldAnswerHealthzWhileReadyzSaysNotReadyWithRetryAfter() {
        assertThat(http.get("/healthz").status()).isEqualTo(200);
        assertThat(http.get("/healthz").json().get("status").asText()).isEqualTo("alive");

        HttpProbe.Answer ready = http.get("/readyz");

        assertThat(ready.status()).isEqualTo(503);
        assertThat(ready.header("Retry-After")).contains("2");
        assertThat(ready.json().get("error").asText()).isEqualTo("not_ready");
        assertThat(ready.json().get("message").asText()).contains("CREATED");
    }

    @Test
    void shouldServeMetricsInThePrometheusTextFormat() {
        HttpProbe.Answer metrics = http.get("/metrics");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type").orElseThrow()).startsWith("text/plain");
        assertThat(metrics.body()).contains("hbew_test_total 1.0");
    }

    @Test
    void shouldServeTheOperatorsPageAtTheGridAndItemAddressesWithNothingFromElsewhere() {
        for (String path : new String[] {"/", "/items/7"}) {
            HttpProbe.Answer page = http.get(path);

            assertThat(page.status()).as(path).isEqualTo(200);
            assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/html");
            assertThat(page.header("Content-Security-Policy").orElseThrow()).contains("default-src 'none'")
                    .contains("connect-src 'self'").contains("script-src 'self';");
            assertThat(page.body()).contains("src=\"/assets/main.js\"")
                    .contains("src=\"/assets/vendor/uplot/uPlot.iife.min.js\"")
                    .doesNotContain("http://").doesNotContain("https://");
        }
    }

    @Test
    void shouldServeThePagesFilesAndTheChartLibraryWithItsLicenceFromTheJar() {
        DashboardPage.OWN_FILES.forEach((name, type) -> {
            HttpProbe.Answer file = http.get("/assets/" + name);
            assertThat(file.status()).as(name).isEqualTo(200);
            assertThat(file.header("Content-Type").orElseThrow()).as(name).startsWith(type);
        });
        assertThat(http.get("/assets/grid.js").body()).contains("/v1/status").contains("/v1/flows");
        assertThat(http.get("/assets/item.js").body()).contains("/region?window=");
        HttpProbe.Answer chart = http.get("/assets/vendor/uplot/uPlot.iife.min.js");
        assertThat(chart.status()).isEqualTo(200);
        assertThat(chart.body()).contains("uPlot");
        HttpProbe.Answer licence = http.get("/assets/vendor/uplot/LICENSE");
        assertThat(licence.status()).isEqualTo(200);
        assertThat(licence.body()).contains("The MIT License").contains("Leon Sorokin");
        assertError(http.get("/assets/secret.properties"), 404, "not_found", "no file /assets/secret.properties");
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileTheStoresCannotBeRead() {
        for (String path : new String[] {"/v1/status", "/v1/items", "/v1/items/18", "/v1/accounting",
                "/v1/flows", "/v1/items/2/cities/ordos", "/v1/items/2/region"}) {
            HttpProbe.Answer answer = http.get(path);

            assertThat(answer.status()).as(path).isEqualTo(503);
            assertThat(answer.header("Retry-After")).as(path).contains("2");
            assertErrorBody(answer, "unavailable");
        }
    }

    @Test
    void shouldAnswer400NamingTheParameterAnd404ForUnknownItemsAndPaths() {
        assertError(http.get("/v1/items/abc"), 400, "invalid_parameter", "item: ");
        assertError(http.get("/v1/items/2/cities/paris"), 400, "invalid_parameter", "city: ");
        assertError(http.get("/v1/items/2/cities/ordos?window=2h"), 400, "invalid_parameter", "window: ");
        assertError(http.get("/v1/items/2/cities/ordos?from=yesterday"), 400, "invalid_parameter", "from: ");
        assertError(http.get("/v1/items/2/cities/ordos?to=2026-13-01T00:00:00Z"), 400, "invalid_parameter", "to: ");
        assertError(http.get("/v1/flows?flow=tourism"), 400, "invalid_parameter", "flow: ");
        assertError(http.get("/v1/flows?at=noon"), 400, "invalid_parameter", "at: ");
        assertError(http.get("/v1/items/2/region?window=1h&from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z"), 400,
                "invalid_parameter", "from: ");
        assertError(http.get("/v1/items/99"), 404, "not_found", "item 99");
        assertError(http.get("/v1/nothing/here"), 404, "not_found", "no such path");
    }

    private static void assertError(HttpProbe.Answer answer, int status, String error, String messageStart) {
        assertThat(answer.status()).as(answer.response().uri().toString()).isEqualTo(status);
        JsonNode body = assertErrorBody(answer, error);
        assertThat(body.get("message").asText()).contains(messageStart);
    }

    private static JsonNode assertErrorBody(HttpProbe.Answer answer, String error) {
        assertThat(answer.header("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(body.fieldNames()).toIterable().containsExactly("error", "message");
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return body;
    }
}
