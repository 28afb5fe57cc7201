package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.processors.ProcessorsApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Two processor instances of one application on a real broker, events for several items from all four
 * cities: every instance answers for every key, with the same answer, and the survivor still answers
 * for all of them once the other instance has stopped. The tests run in order on one cluster; the last
 * one stops an instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class QueryApiIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> CITIES = List.of("hohhot", "baotou", "ordos", "ulanqab");

    private QueryTestKafka kafka;
    private ProcessorsApp first;
    private ProcessorsApp second;
    private HttpProbe firstHttp;
    private HttpProbe secondHttp;
    private OffsetDateTime at;
    /** Every (item, city) that reported, as {@code item/city}. */
    private final Set<String> reported = new LinkedHashSet<>();
    private int validEvents;

    @BeforeAll
    void startClusterAndSendEvents() {
        kafka = new QueryTestKafka();
        String appId = "hbew-query-it-" + UUID.randomUUID();
        first = kafka.processors(appId, "first", 1);
        second = kafka.processors(appId, "second", 1);
        assertThat(first.awaitRunning(PATIENCE)).as("first instance RUNNING").isTrue();
        assertThat(second.awaitRunning(PATIENCE)).as("second instance RUNNING").isTrue();
        await("both instances run active tasks").atMost(PATIENCE).until(() ->
                hasActiveTasks(first) && hasActiveTasks(second));
        firstHttp = new HttpProbe(first.httpPort());
        secondHttp = new HttpProbe(second.httpPort());

        at = OffsetDateTime.now(TestEvents.CST).truncatedTo(ChronoUnit.SECONDS);
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < CITIES.size(); i++) {
            events.add(TestEvents.plain(CITIES.get(i), 2, "road_km_opened", 1.5 * (i + 1), "km", at));
            events.add(TestEvents.plain(CITIES.get(i), 17, "trainees", 10 * (i + 1), "persons", at));
        }
        events.add(TestEvents.plain("ordos", 2, "road_link_progress", 40, "percent", at));
        events.add(TestEvents.plain("hohhot", 22, "consultations_held", 2, "count", at));
        events.add(TestEvents.settlement("ordos", "ordos", "hohhot", 100, true, at));
        events.add(TestEvents.settlement("ordos", "ordos", "hohhot", 200, true, at));
        events.add(TestEvents.settlement("ordos", "ordos", "hohhot", 50, false, at));
        events.add(TestEvents.settlement("baotou", "hohhot", "baotou", 80, true, at));
        events.add(TestEvents.transferCompleted("baotou", "baotou", "ulanqab", at));
        events.add(TestEvents.emergencyDispatched("hohhot", "hohhot", "ordos", at));
        kafka.send(events.toArray(EventEnvelope[]::new));
        events.forEach(e -> reported.add(e.item() + "/" + e.city()));
        validEvents = events.size();

        kafka.send(events.get(0));
        kafka.sendGarbage("2:ordos", "{not json", at.toInstant().toEpochMilli());
        kafka.send(TestEvents.plain("ordos", 2, "road_km_opened", 9, "km", at.minusHours(3)));

        await("every record accounted for").atMost(PATIENCE).untilAsserted(() -> {
            HttpProbe.Answer accounting = firstHttp.get("/v1/accounting");
            assertThat(accounting.status()).isEqualTo(200);
            assertThat(accounting.json().get("received").asLong()).isEqualTo(validEvents + 3L);
            assertThat(accounting.json().get("balanced").asBoolean()).isTrue();
        });
        await("every status judged at least once").atMost(PATIENCE).untilAsserted(() -> {
            JsonNode grid = firstHttp.get("/v1/status").json();
            assertThat(cell(grid, 18, "ordos").get("status").asText()).isEqualTo("LAGGING");
            assertThat(indicatorCells(grid)).allSatisfy(indicator ->
                    assertThat(indicator.has("since")).as(indicator.toString()).isTrue());
        });
    }

    @AfterAll
    void stopCluster() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    @Order(1)
    void shouldAnswerReadyOnEveryInstance() {
        assertThat(firstHttp.get("/readyz").status()).isEqualTo(200);
        assertThat(secondHttp.get("/readyz").status()).isEqualTo(200);
        assertThat(firstHttp.get("/healthz").status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void shouldAnswerTheSameGridFromEveryInstance() {
        await("the same grid from both instances").atMost(PATIENCE).untilAsserted(() -> {
            HttpProbe.Answer a = firstHttp.get("/v1/status");
            HttpProbe.Answer b = secondHttp.get("/v1/status");
            assertThat(a.status()).isEqualTo(200);
            assertThat(b.status()).isEqualTo(200);
            assertThat(a.stale()).isFalse();
            assertThat(b.stale()).isFalse();
            assertThat(withoutTimesOfAnswer(b.json())).isEqualTo(withoutTimesOfAnswer(a.json()));
        });
        JsonNode grid = firstHttp.get("/v1/status").json();
        assertThat(grid.get("items")).hasSize(22);
        assertThat(cell(grid, 18, "ordos").get("status").asText()).isEqualTo("LAGGING");
        assertThat(indicator(cell(grid, 18, "ordos"), "direct_settlement_rate").get("value").asDouble())
                .isCloseTo(2.0 / 3, offset(1e-9));
        assertThat(cell(grid, 2, "ulanqab").get("status").asText()).isEqualTo("ON_TRACK");
        assertThat(indicator(cell(grid, 2, "ulanqab"), "road_km_opened").get("value").asDouble()).isEqualTo(6.0);
        assertThat(cell(grid, 5, "hohhot").get("status").asText()).isEqualTo("NO_DATA");
        assertThat(grid.at("/summary/indicators/LAGGING").asLong()).isPositive();
        for (JsonNode city : grid.get("cities")) {
            assertThat(city.get("silent").asBoolean()).as(city.get("code").asText()).isFalse();
        }
    }

    @Test
    @Order(3)
    void shouldAnswerTheSameCityHistoryFromEveryInstanceForEveryKeySent() {
        for (String key : reported) {
            String path = "/v1/items/" + key.replace("/", "/cities/") + "?window=1h";
            HttpProbe.Answer a = firstHttp.get(path);
            HttpProbe.Answer b = secondHttp.get(path);
            assertThat(a.status()).as(path).isEqualTo(200);
            assertThat(b.status()).as(path).isEqualTo(200);
            assertThat(a.json().get("records")).as(path).isNotEmpty();
            assertThat(withoutTimesOfAnswer(b.json())).as(path).isEqualTo(withoutTimesOfAnswer(a.json()));
        }
        JsonNode ordos = firstHttp.get("/v1/items/2/cities/ordos?window=1d").json();
        assertThat(ordos.get("window").asText()).isEqualTo("1d");
        JsonNode km = record(ordos, "road_km_opened");
        assertThat(km.get("value").asDouble()).isEqualTo(4.5);
        assertThat(km.at("/statistics/count").asLong()).isEqualTo(1);
        assertThat(km.get("statistic").asText()).isEqualTo("sum");
    }

    @Test
    @Order(4)
    void shouldAccountForEveryRecordTheSameWayFromEveryInstance() {
        JsonNode a = firstHttp.get("/v1/accounting").json();
        JsonNode b = secondHttp.get("/v1/accounting").json();

        assertThat(b).isEqualTo(a);
        assertThat(a.get("received").asLong()).isEqualTo(validEvents + 3L);
        assertThat(a.get("counted").asLong()).isEqualTo(validEvents);
        assertThat(a.get("duplicates").asLong()).isEqualTo(1);
        assertThat(a.get("deadLettered").asLong()).isEqualTo(1);
        assertThat(a.get("late").asLong()).isEqualTo(1);
        assertThat(a.get("received").asLong()).isEqualTo(a.get("counted").asLong() + a.get("duplicates").asLong()
                + a.get("deadLettered").asLong() + a.get("late").asLong());
        assertThat(a.get("balanced").asBoolean()).isTrue();
        assertThat(a.get("partitions").asInt()).isEqualTo(QueryTestKafka.PARTITIONS);
    }

    @Test
    @Order(5)
    void shouldShowTheFlowSentInItsMatrixCellFromEveryInstance() {
        String path = "/v1/flows?flow=medical.settlement&window=1d&at=" + at.toInstant();
        await("the flow rolled up").atMost(PATIENCE).untilAsserted(() -> {
            JsonNode a = firstHttp.get(path).json();
            JsonNode b = secondHttp.get(path).json();
            assertThat(b).isEqualTo(a);
            List<String> cities = new ArrayList<>();
            a.get("cities").forEach(c -> cities.add(c.asText()));
            int ordos = cities.indexOf("ordos");
            int hohhot = cities.indexOf("hohhot");
            int baotou = cities.indexOf("baotou");
            JsonNode matrix = a.get("flows").get(0);
            assertThat(matrix.get("flow").asText()).isEqualTo("medical.settlement");
            assertThat(matrix.get("events").get(ordos).get(hohhot).asLong()).isEqualTo(3);
            assertThat(matrix.get("completed").get(ordos).get(hohhot).asLong()).isEqualTo(2);
            assertThat(matrix.get("amount").get(ordos).get(hohhot).asDouble()).isEqualTo(350.0);
            assertThat(matrix.get("events").get(hohhot).get(baotou).asLong()).isEqualTo(1);
            assertThat(matrix.at("/totals/events").asLong()).isEqualTo(4);
        });
        JsonNode all = firstHttp.get("/v1/flows?at=" + at.toInstant()).json();
        assertThat(all.get("flows")).hasSize(3);
        assertThat(all.at("/flows/1/totals/completed").asLong()).isEqualTo(1);
        assertThat(all.at("/flows/2/totals/events").asLong()).isEqualTo(1);
    }

    @Test
    @Order(6)
    void shouldDescribeItemsAndOneItemTheSameFromEveryInstance() {
        JsonNode items = firstHttp.get("/v1/items").json();
        assertThat(items.get("items")).hasSize(22);
        assertThat(items.at("/items/17/flow").asText()).isEqualTo("medical.settlement");
        assertThat(items.at("/items/17/indicators/2/target/value").asDouble()).isEqualTo(0.9);
        assertThat(items.at("/items/17/statusCounts/LAGGING").asLong()).isPositive();

        await("the same item from both instances").atMost(PATIENCE).untilAsserted(() -> {
            HttpProbe.Answer a = firstHttp.get("/v1/items/18");
            HttpProbe.Answer b = secondHttp.get("/v1/items/18");
            assertThat(a.status()).isEqualTo(200);
            assertThat(withoutTimesOfAnswer(b.json())).isEqualTo(withoutTimesOfAnswer(a.json()));
        });
        JsonNode item = firstHttp.get("/v1/items/18").json();
        assertThat(item.at("/item/number").asInt()).isEqualTo(18);
        JsonNode ordos = item.get("cities").get(2);
        assertThat(ordos.get("city").asText()).isEqualTo("ordos");
        assertThat(ordos.get("status").asText()).isEqualTo("LAGGING");
        assertThat(ordos.get("current")).isNotEmpty();
        JsonNode day = item.get("region").get(1);
        assertThat(day.get("window").asText()).isEqualTo("1d");
        assertThat(day.get("cities")).hasSize(2);
        JsonNode settlements = record(day, "settlements");
        assertThat(settlements.get("value").asDouble()).isEqualTo(4);
    }

    @Test
    @Order(7)
    void shouldAnswerForEveryKeyFromTheSurvivorOnceAnInstanceStops() {
        JsonNode gridBefore = withoutTimesOfAnswer(secondHttp.get("/v1/status").json());
        JsonNode accountingBefore = secondHttp.get("/v1/accounting").json();
        Map<String, JsonNode> historiesBefore = new HashMap<>();
        for (String key : reported) {
            historiesBefore.put(key, withoutTimesOfAnswer(secondHttp.get(historyPath(key)).json()));
        }
        AtomicInteger unavailable = new AtomicInteger();
        AtomicInteger stale = new AtomicInteger();

        first.close();
        first = null;

        await("the survivor answers for every key").atMost(PATIENCE).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (String key : reported) {
                        HttpProbe.Answer answer = observe(secondHttp.get(historyPath(key)), unavailable, stale);
                        assertThat(answer.status()).as(key).isEqualTo(200);
                        assertThat(answer.stale()).as(key).isFalse();
                        assertThat(withoutTimesOfAnswer(answer.json())).as(key).isEqualTo(historiesBefore.get(key));
                    }
                    HttpProbe.Answer grid = observe(secondHttp.get("/v1/status"), unavailable, stale);
                    assertThat(grid.status()).isEqualTo(200);
                    assertThat(grid.stale()).isFalse();
                    assertThat(withoutTimesOfAnswer(grid.json())).isEqualTo(gridBefore);
                    HttpProbe.Answer accounting = observe(secondHttp.get("/v1/accounting"), unavailable, stale);
                    assertThat(accounting.status()).isEqualTo(200);
                    assertThat(accounting.json()).isEqualTo(accountingBefore);
                });
        assertThat(secondHttp.get("/readyz").status()).isEqualTo(200);
        System.out.printf("During the rebalance: %d answers 503, %d answers marked stale%n", unavailable.get(),
                stale.get());
    }

    /** Checks the shape of the answers a rebalance allows: 503 with Retry-After and a JSON error, or stale data. */
    private static HttpProbe.Answer observe(HttpProbe.Answer answer, AtomicInteger unavailable, AtomicInteger stale) {
        if (answer.status() == 503) {
            unavailable.incrementAndGet();
            assertThat(answer.header("Retry-After")).as("Retry-After of a 503").isPresent();
            assertThat(answer.json().fieldNames()).toIterable().containsExactly("error", "message");
            assertThat(answer.json().get("error").asText()).isEqualTo("unavailable");
        } else if (answer.stale()) {
            stale.incrementAndGet();
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().isObject()).isTrue();
        }
        return answer;
    }

    private static String historyPath(String key) {
        return "/v1/items/" + key.replace("/", "/cities/") + "?window=1h";
    }

    private static boolean hasActiveTasks(ProcessorsApp app) {
        return app.streams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty());
    }

    private static JsonNode cell(JsonNode grid, int item, String city) {
        for (JsonNode cell : grid.get("items").get(item - 1).get("cities")) {
            if (cell.get("city").asText().equals(city)) {
                return cell;
            }
        }
        throw new AssertionError("no cell for " + item + "/" + city);
    }

    private static List<JsonNode> indicatorCells(JsonNode grid) {
        List<JsonNode> cells = new ArrayList<>();
        grid.get("items").forEach(item -> item.get("cities").forEach(city -> city.get("indicators").forEach(cells::add)));
        return cells;
    }

    private static JsonNode indicator(JsonNode cell, String code) {
        for (JsonNode indicator : cell.get("indicators")) {
            if (indicator.get("indicator").asText().equals(code)) {
                return indicator;
            }
        }
        throw new AssertionError("no indicator " + code + " in " + cell);
    }

    private static JsonNode record(JsonNode answer, String indicator) {
        JsonNode records = answer.has("records") ? answer.get("records") : answer.get("indicators");
        for (JsonNode record : records) {
            if (record.get("indicator").asText().equals(indicator)) {
                return record;
            }
        }
        throw new AssertionError("no record of " + indicator + " in " + answer);
    }

    /**
     * The answer without the times that only say when it was assembled ({@code asOf}, {@code updatedAt}):
     * two instances asked one after the other assemble the same state at different moments.
     */
    private static JsonNode withoutTimesOfAnswer(JsonNode answer) {
        JsonNode copy = answer.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(List.of("asOf", "updatedAt"));
        }
        node.forEach(QueryApiIT::strip);
    }
}
