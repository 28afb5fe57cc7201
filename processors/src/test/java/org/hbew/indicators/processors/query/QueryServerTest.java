package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
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

    /** A valid internal history read, for tests to spoil one parameter of. */
    private static final String INTERNAL_HISTORY =
            "/v1/internal/city-history?item=2&city=ordos&window=1h&first=0&last=3600000&partition=0";

    private UnstartedQueryServer server;
    private HttpProbe http;

    @BeforeAll
    void startServer() {
        server = new UnstartedQueryServer();
        server.registry().counter("hbew_test_total").increment();
        http = new HttpProbe(server.port());
    }

    @AfterAll
    void stopServer() {
        server.close();
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
                "/v1/flows", "/v1/items/2/cities/ordos", "/v1/items/2/region", INTERNAL_HISTORY,
                "/v1/internal/region?item=18&window=1d&start=0&partition=3&stale=true"}) {
            HttpProbe.Answer answer = http.get(path);

            assertThat(answer.status()).as(path).isEqualTo(503);
            assertThat(answer.header("Retry-After")).as(path).contains("2");
            assertErrorBody(answer, "unavailable");
        }
    }

    @Test
    void shouldAnswer400NamingTheParameterForUnknownItemsAndCitiesAndUnreadableValues() {
        assertError(http.get("/v1/items/abc"), 400, "invalid_parameter", "item: ");
        assertError(http.get("/v1/items/99"), 400, "invalid_parameter", "item: ");
        assertError(http.get("/v1/items/2/cities/paris"), 400, "invalid_parameter", "city: ");
        assertError(http.get("/v1/items/2/cities/ordos?window=2h"), 400, "invalid_parameter", "window: ");
        assertError(http.get("/v1/items/2/cities/ordos?from=yesterday"), 400, "invalid_parameter", "from: ");
        assertError(http.get("/v1/items/2/cities/ordos?to=2026-13-01T00:00:00Z"), 400, "invalid_parameter", "to: ");
        assertError(http.get("/v1/flows?flow=tourism"), 400, "invalid_parameter", "flow: ");
        assertError(http.get("/v1/flows?at=noon"), 400, "invalid_parameter", "at: ");
        assertError(http.get("/v1/items/2/region?window=1h&from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z"), 400,
                "invalid_parameter", "from: ");
        assertError(http.get("/v1/nothing/here"), 404, "not_found", "no such path");
    }

    @Test
    void shouldAnswer400InsteadOfThe500sOfIssue10() {
        assertError(http.get(INTERNAL_HISTORY.replace("item=2", "item=99")), 400, "invalid_parameter", "item: ");
        assertError(http.get(INTERNAL_HISTORY.replace("item=2", "item=99999999999")), 400, "invalid_parameter",
                "item: ");
        assertError(http.get(INTERNAL_HISTORY.replace("window=1h", "window=zz")), 400, "invalid_parameter",
                "window: ");
        assertError(http.get(INTERNAL_HISTORY.replace("partition=0", "partition=99999999999")), 400,
                "invalid_parameter", "partition: ");
        assertError(http.get("/v1/items/2/cities/ordos?from=-999999999-01-01T00:00:00Z"), 400, "invalid_parameter",
                "from: ");
        assertError(http.get("/v1/flows?at=%2B999999999-12-31T23:59:59Z"), 400, "invalid_parameter", "at: ");
    }

    @Test
    void shouldKeepTheThousandWindowLimitWhenTheDifferenceOfFromAndToOverflows() {
        assertError(http.get("/v1/items/2/cities/ordos?from=-290000000-01-01T00:00:00Z"
                + "&to=%2B290000000-01-01T00:00:00Z"), 400, "invalid_parameter", "from: ");
        assertError(http.get(INTERNAL_HISTORY.replace("first=0", "first=-9223372036854775808")
                .replace("last=3600000", "last=9223372036854775807")), 400, "invalid_parameter", "first: ");
    }

    @Test
    void shouldAnswer400ForAParameterGivenTwice() {
        assertError(http.get("/v1/items/2/cities/ordos?window=1h&window=1d"), 400, "invalid_parameter", "window: ");
        assertError(http.get("/v1/flows?flow=medical.settlement&flow=pension.transfer"), 400, "invalid_parameter",
                "flow: ");
        assertError(http.get("/v1/internal/status?partitions=0&partitions=1"), 400, "invalid_parameter",
                "partitions: ");
    }

    @Test
    void shouldLogAtMostOneLineAndNoStackTraceForABadParameter() {
        List<String> bad = List.of(INTERNAL_HISTORY.replace("item=2", "item=99"),
                INTERNAL_HISTORY.replace("window=1h", "window=zz"),
                INTERNAL_HISTORY.replace("partition=0", "partition=99999999999"),
                "/v1/items/2/cities/ordos?from=-999999999-01-01T00:00:00Z",
                "/v1/flows?at=%2B999999999-12-31T23:59:59Z");
        try (CapturedLog log = CapturedLog.ofThreads(UnstartedQueryServer.HTTP_THREADS)) {
            for (String path : bad) {
                log.clear();

                HttpProbe.Answer answer = http.get(path);

                assertThat(answer.status()).as(path).isEqualTo(400);
                assertThat(log.events()).as("log lines of %s", path).hasSizeLessThanOrEqualTo(1)
                        .allSatisfy(event -> assertThat(event.getThrown()).as(path).isNull());
            }
        }
    }

    private static void assertError(HttpProbe.Answer answer, int status, String error, String messageStart) {
        assertThat(answer.status()).as(answer.response().uri().toString()).isEqualTo(status);
        JsonNode body = assertErrorBody(answer, error);
        assertThat(body.get("message").asText()).startsWith(messageStart);
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
