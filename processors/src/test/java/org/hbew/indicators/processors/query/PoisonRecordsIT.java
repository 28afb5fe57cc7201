package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.processors.ProcessorsApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A poison record of each kind among good ones on a real broker's hbew.events.raw: the processors keep
 * running (no stream thread dies or is replaced, the query API keeps answering), every poison record is
 * dead-lettered, every good event is counted, nothing is judged late (a far-future record did not move
 * stream time), and the accounts balance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoisonRecordsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final JsonSerde<EventEnvelope> JSON = JsonSerde.of(EventEnvelope.class);

    private QueryTestKafka kafka;
    private ProcessorsApp processors;
    private int good;
    private int poison;

    @BeforeAll
    void sendGoodAndPoisonRecords() {
        kafka = new QueryTestKafka();
        processors = kafka.processors("hbew-poison-it-" + UUID.randomUUID(), "poison", 0);
        assertThat(processors.awaitRunning(PATIENCE)).isTrue();
        OffsetDateTime now = OffsetDateTime.now(TestEvents.CST).truncatedTo(ChronoUnit.SECONDS);
        long stamp = now.toInstant().toEpochMilli();

        List<Runnable> poisons = new ArrayList<>(List.of(
                // Stamped with the send time: the broker itself refuses record times more than an hour ahead
                () -> sendEventAt("ordos", OffsetDateTime.parse("9999-12-31T23:59:59+08:00"), stamp),
                () -> sendEventAt("baotou", now.plusHours(2), stamp),
                () -> sendEventAt("hohhot", OffsetDateTime.parse("1969-07-20T20:17:40Z"), stamp),
                () -> kafka.sendRaw("2:ordos", null, stamp),
                () -> kafka.sendRaw(null, JSON.toBytes(TestEvents.plain("ordos", 2, "road_km_opened", 1, "km", now)),
                        stamp),
                () -> kafka.sendRaw("2:baotou", JSON.toBytes(TestEvents.plain("ordos", 2, "road_km_opened", 1, "km",
                        now)), stamp),
                () -> kafka.sendGarbage("2:ordos", "{\"schemaVersion\":1,\"eventId\":", stamp),
                () -> kafka.sendGarbage("2:ordos", "[".repeat(5000) + "]".repeat(5000), stamp),
                () -> kafka.sendRaw("2:ordos", new String(JSON.toBytes(TestEvents.plain("ordos", 2, "road_km_opened",
                        1, "km", now)), StandardCharsets.UTF_8).replace("\"value\":1.0", "\"value\":1e400")
                        .getBytes(StandardCharsets.UTF_8), stamp),
                () -> kafka.sendRaw("2:ordos", new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF}, stamp)));
        poison = poisons.size();
        for (int round = 0; round < 10; round++) {
            for (Runnable p : poisons) {
                kafka.send(TestEvents.plain("ordos", 2, "road_km_opened", round, "km", now.minusSeconds(round)));
                good++;
                if (round == 0) {
                    p.run();
                }
            }
        }
    }

    private void sendEventAt(String city, OffsetDateTime at, long stamp) {
        kafka.sendRaw("2:" + city, JSON.toBytes(TestEvents.plain(city, 2, "road_km_opened", 1, "km", at)), stamp);
    }

    @AfterAll
    void stop() {
        if (processors != null) {
            processors.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldDeadLetterEveryPoisonRecordAndCountEveryGoodEventWithoutStopping() {
        HttpProbe http = new HttpProbe(processors.httpPort());

        await("every record accounted for").atMost(PATIENCE).untilAsserted(() ->
                assertThat(http.get("/v1/accounting").json().get("received").asLong()).isEqualTo(good + poison));

        JsonNode accounting = http.get("/v1/accounting").json();
        assertThat(accounting.get("deadLettered").asLong()).isEqualTo(poison);
        assertThat(accounting.get("counted").asLong()).isEqualTo(good);
        assertThat(accounting.get("late").asLong()).as("no poison moved stream time").isZero();
        assertThat(accounting.get("balanced").asBoolean()).isTrue();
        assertThat(processors.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
        assertThat(clientMetric("failed-stream-threads")).as("no stream thread died").isZero();
        assertThat(clientMetric("alive-stream-threads")).isEqualTo(1);
        assertThat(http.get("/v1/status").status()).isEqualTo(200);
    }

    /** One of Kafka Streams' client-level metrics of this instance. */
    private double clientMetric(String name) {
        return processors.streams().metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals(name) && e.getKey().group().equals("stream-metrics"))
                .mapToDouble(e -> ((Number) e.getValue().metricValue()).doubleValue()).sum();
    }
}
