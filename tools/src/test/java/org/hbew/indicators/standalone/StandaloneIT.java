package org.hbew.indicators.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.ingest.TokenStore;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.records.CityIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walking skeleton end to end, as a new user runs it: standalone starts a real broker, ingest
 * and the processors; an event posted over HTTP with a city's token is counted on
 * hbew.indicators.city and in {@code GET /v1/status}; after a stop and a start on the same data
 * directory the count is still there and a new event adds to it. And history: with the default grace a
 * three-day-old event is set aside as late; posted again after a restart with {@code --grace 7d}, it is counted.
 */
class StandaloneIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private StandaloneConfig config() {
        return StandaloneConfig.defaults(dataDir).withPorts(0, 0, 0).withSimulation(0,
                StandaloneConfig.defaults(dataDir).simulation());
    }

    @Test
    void shouldCountAPostedEventAndKeepItAcrossARestart() throws Exception {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS);
        String key = Keys.status(2, "ordos", "road_km_opened");

        try (Standalone standalone = new Standalone(config(), CatalogLoader.loadDefault())) {
            standalone.start();
            String token = TokenStore.load(standalone.tokensFile()).token("ordos").orElseThrow();

            HttpResponse<String> posted = post(standalone.ingestUrl(), token, event(at, 12.5));

            assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
            CityIndicator daily = awaitDaily(standalone, 1);
            assertThat(daily.value()).isEqualTo(12.5);
            await("counted in GET /v1/status").atMost(PATIENCE).untilAsserted(() ->
                    assertThat(status(standalone.processorsUrl(), key).path("value").asDouble()).isEqualTo(12.5));
        }

        try (Standalone restarted = new Standalone(config(), CatalogLoader.loadDefault())) {
            restarted.start();
            await("the count survives the restart").atMost(PATIENCE).untilAsserted(() ->
                    assertThat(status(restarted.processorsUrl(), key).path("value").asDouble()).isEqualTo(12.5));
            String token = TokenStore.load(restarted.tokensFile()).token("ordos").orElseThrow();

            assertThat(post(restarted.ingestUrl(), token, event(at.plusSeconds(1), 2.5)).statusCode()).isEqualTo(202);

            assertThat(awaitDaily(restarted, 2).value()).isEqualTo(15.0);
        }
    }

    @Test
    void shouldSetHistoryAsideWithTheDefaultGraceAndCountItWithALongerOne() throws Exception {
        OffsetDateTime threeDaysAgo = OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.SECONDS)
                .minusDays(3);
        String history = event(threeDaysAgo, 2.0);

        try (Standalone standalone = new Standalone(config(), CatalogLoader.loadDefault())) {
            standalone.start();
            String token = TokenStore.load(standalone.tokensFile()).token("ordos").orElseThrow();
            assertThat(post(standalone.ingestUrl(), token, event(threeDaysAgo.plusDays(3), 1.0)).statusCode())
                    .isEqualTo(202);
            await("today's event counted").atMost(PATIENCE).untilAsserted(() ->
                    assertThat(accounting(standalone.processorsUrl()).path("counted").asLong()).isEqualTo(1));

            assertThat(post(standalone.ingestUrl(), token, history).statusCode()).isEqualTo(202);

            await("the three-day-old event set aside as late").atMost(PATIENCE).untilAsserted(() ->
                    assertThat(accounting(standalone.processorsUrl()).path("late").asLong()).isEqualTo(1));
        }

        try (Standalone withGrace = new Standalone(config().withGrace(Duration.ofDays(7)), CatalogLoader.loadDefault())) {
            withGrace.start();
            String token = TokenStore.load(withGrace.tokensFile()).token("ordos").orElseThrow();

            // The very event that was late, posted again with its eventId: a late event is not remembered as seen
            assertThat(post(withGrace.ingestUrl(), token, history).statusCode()).isEqualTo(202);

            await("the same event counted with a grace of 7 days").atMost(PATIENCE).untilAsserted(() -> {
                JsonNode accounting = accounting(withGrace.processorsUrl());
                assertThat(accounting.path("counted").asLong()).isEqualTo(2);
                assertThat(accounting.path("late").asLong()).isEqualTo(1);
                assertThat(accounting.path("duplicates").asLong()).isZero();
                assertThat(accounting.path("balanced").asBoolean()).isTrue();
            });
        }
    }

    private JsonNode accounting(URI processors) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(processors.resolve("/v1/accounting")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return Json.mapper().readTree(response.body());
    }

    private static String event(OffsetDateTime at, double km) {
        EventEnvelope event = EventEnvelope.plain(UUID.randomUUID(), "ordos", 2, "road_km_opened", at, km, "km");
        return new String(JsonSerde.of(EventEnvelope.class).toBytes(event), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> post(URI ingest, String token, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(ingest.resolve("/v1/events"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The indicator's cell of the 22 × 4 grid: {@code <item>:<city>:<indicator>}. */
    private JsonNode status(URI processors, String key) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(processors.resolve("/v1/status")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        String[] parts = key.split(":");
        for (JsonNode item : Json.mapper().readTree(response.body()).get("items")) {
            if (item.get("item").asInt() != Integer.parseInt(parts[0])) {
                continue;
            }
            for (JsonNode city : item.get("cities")) {
                if (!city.get("city").asText().equals(parts[1])) {
                    continue;
                }
                for (JsonNode indicator : city.get("indicators")) {
                    if (indicator.get("indicator").asText().equals(parts[2])) {
                        return indicator;
                    }
                }
            }
        }
        throw new AssertionError("no " + key + " in the status grid");
    }

    /** Reads hbew.indicators.city until the daily figure of 2:ordos:road_km_opened has {@code count} events. */
    private static CityIndicator awaitDaily(Standalone standalone, long count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, standalone.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "standalone-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<CityIndicator> seen = new ArrayList<>();
        try (KafkaConsumer<String, CityIndicator> consumer = new KafkaConsumer<>(config,
                Topics.INDICATORS_CITY.keySerde().deserializer(), Topics.INDICATORS_CITY.valueSerde().deserializer())) {
            consumer.subscribe(List.of(Topics.INDICATORS_CITY.name()));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, CityIndicator> record : consumer.poll(Duration.ofMillis(500))) {
                    CityIndicator value = record.value();
                    if (value.item() == 2 && value.city().equals("ordos") && value.indicator().equals("road_km_opened")
                            && value.window().equals("1d")) {
                        seen.add(value);
                        if (value.statistics().count() == count) {
                            return value;
                        }
                    }
                }
            }
        }
        throw new AssertionError("no daily figure with " + count + " events on hbew.indicators.city; saw " + seen);
    }
}
