package org.hbew.indicators.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.processors.errors.DeadLetterHeaders;
import org.hbew.indicators.records.CityIndicator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to each record of hbew.events.raw before it is counted: dead letters, duplicates, late events. */
class AdmissionTest {

    private static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");

    @TempDir
    Path stateDir;
    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        // The wall clock stands after every event of these tests: they are about event time, and events ahead of
        // the clock are dead-lettered.
        harness = new TopologyHarness(stateDir, TopologySettings.defaults(1), T0.plus(Duration.ofHours(6)));
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    private Map<Accounting.Outcome, Long> accounting() {
        return Accounting.read((ReadOnlyKeyValueStore<String, Long>) harness.driver.getAllStateStores().get(Accounting.STORE));
    }

    @Test
    void shouldCountARepeatedEventOnce() {
        EventEnvelope event = Events.plain("ordos", 2, "road_km_opened", 12.5, "km", T0.plusSeconds(60));

        harness.send(event);
        harness.send(event);

        assertThat(harness.drain(harness.city))
                .extracting(r -> r.key(), r -> r.value().statistics().count(), r -> r.value().value())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2:ordos:road_km_opened:1h@2026-11-27T02:00:00Z", 1L, 12.5),
                        org.assertj.core.groups.Tuple.tuple("2:ordos:road_km_opened:1d@2026-11-27T00:00:00Z", 1L, 12.5));
        assertThat(accounting()).containsEntry(Accounting.Outcome.RECEIVED, 2L)
                .containsEntry(Accounting.Outcome.DUPLICATE, 1L)
                .containsEntry(Accounting.Outcome.COUNTED, 1L);
        assertThat(harness.registry.get("hbew.duplicate.events").tag("item", "2").tag("city", "ordos").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterMalformedJsonWithItsReasonAndOrigin() {
        harness.sendRaw("2:ordos", "{\"schemaVersion\": 1, ", T0);

        TestRecord<String, byte[]> dead = harness.dlq.readRecord();

        assertThat(dead.key()).isEqualTo("2:ordos");
        assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("{\"schemaVersion\": 1, ");
        assertThat(TopologyHarness.header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("malformed_json");
        assertThat(TopologyHarness.header(dead.headers(), DeadLetterHeaders.TOPIC)).isEqualTo("hbew.events.raw");
        assertThat(TopologyHarness.header(dead.headers(), DeadLetterHeaders.PARTITION)).isEqualTo("0");
        assertThat(TopologyHarness.header(dead.headers(), DeadLetterHeaders.OFFSET)).isEqualTo("0");
        assertThat(TopologyHarness.header(dead.headers(), DeadLetterHeaders.MESSAGE)).startsWith("not valid JSON");
        assertThat(harness.dlq.isEmpty()).isTrue();
        assertThat(harness.city.isEmpty()).isTrue();
        assertThat(harness.registry.get("hbew.dlq.records").tag("reason", "malformed_json").counter().count())
                .isEqualTo(1.0);
    }

    @Test
    void shouldDeadLetterAnEventTheCatalogRejectsListingEveryProblem() {
        String wrong = """
                {"schemaVersion":1,"eventId":"3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b","city":"ordos","item":2,
                 "indicator":"road_link_progress","occurredAt":"2026-11-27T10:00:00+08:00","value":130,"unit":"km"}""";

        harness.sendRaw("2:ordos", wrong, T0);

        TestRecord<String, byte[]> dead = harness.dlq.readRecord();
        assertThat(TopologyHarness.header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("value");
        assertThat(TopologyHarness.header(dead.headers(), DeadLetterHeaders.MESSAGE))
                .isEqualTo("unit: must be 'percent' for road_link_progress, not 'km'; "
                        + "value: 130.0 is outside the range of road_link_progress [0.0, 100.0]");
    }

    @Test
    void shouldDeadLetterAnEventUnderAnotherKey() {
        EventEnvelope event = Events.plain("ordos", 2, "road_km_opened", 1, "km", T0);

        harness.raw.pipeInput(new TestRecord<>("2:baotou", JsonSerde.of(EventEnvelope.class).toBytes(event),
                new org.apache.kafka.common.header.internals.RecordHeaders(), T0));

        TestRecord<String, byte[]> dead = harness.dlq.readRecord();
        assertThat(TopologyHarness.header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("key");
        assertThat(TopologyHarness.header(dead.headers(), DeadLetterHeaders.MESSAGE))
                .isEqualTo("record key '2:baotou' is not the event's <item>:<city> '2:ordos'");
    }

    @Test
    void shouldSendAnEventPastItsWindowsGraceToTheLateTopicAndNotCountIt() {
        harness.send(Events.plain("ordos", 2, "road_km_opened", 1, "km", T0.plus(Duration.ofHours(3))));
        harness.drain(harness.city);
        EventEnvelope late = Events.plain("ordos", 2, "road_km_opened", 5, "km", T0.plusSeconds(30));

        harness.send(late);

        TestRecord<String, byte[]> out = harness.late.readRecord();
        assertThat(JsonSerde.of(EventEnvelope.class).fromBytes(out.value())).isEqualTo(late);
        assertThat(TopologyHarness.header(out.headers(), CountEvents.LATE_BY_HEADER))
                .isEqualTo(Long.toString(Duration.ofHours(3).minusSeconds(30).toMillis()));
        assertThat(harness.late.isEmpty()).isTrue();
        assertThat(harness.city.isEmpty()).isTrue();
        assertThat(accounting()).containsEntry(Accounting.Outcome.LATE, 1L).containsEntry(Accounting.Outcome.COUNTED, 1L);
        assertThat(harness.registry.get("hbew.late.events").tag("item", "2").tag("city", "ordos").counter().count())
                .isEqualTo(1.0);
        assertThat(droppedRecords()).as("Kafka Streams dropped nothing silently").isZero();
    }

    @Test
    void shouldNotRememberALateEventAsSeenSoThatItCanBeAdmittedLater() {
        // A late event is judged before de-duplication: posting it again finds it late again, not a duplicate,
        // and once a longer grace admits it (a backfill after the fact) it is counted rather than dropped as seen
        harness.send(Events.plain("ordos", 2, "road_km_opened", 1, "km", T0.plus(Duration.ofHours(3))));
        EventEnvelope late = Events.plain("ordos", 2, "road_km_opened", 5, "km", T0.plusSeconds(30));

        harness.send(late);
        harness.send(late);

        assertThat(harness.late.readRecordsToList()).hasSize(2);
        assertThat(accounting()).containsEntry(Accounting.Outcome.RECEIVED, 3L)
                .containsEntry(Accounting.Outcome.LATE, 2L)
                .containsEntry(Accounting.Outcome.DUPLICATE, 0L)
                .containsEntry(Accounting.Outcome.COUNTED, 1L);
    }

    /** Kafka Streams' own count of records it dropped (e.g. too late for a window), over all tasks. */
    private double droppedRecords() {
        List<Double> perTask = harness.driver.metrics().entrySet().stream()
                .filter(e -> e.getKey().name().equals("dropped-records-total"))
                .map(e -> ((Number) e.getValue().metricValue()).doubleValue())
                .toList();
        assertThat(perTask).as("Kafka Streams' dropped-records metric").isNotEmpty();
        return perTask.stream().mapToDouble(Double::doubleValue).sum();
    }

    @Test
    void shouldStillCountAnEventThatIsLateButWithinGrace() {
        harness.send(Events.plain("ordos", 2, "road_km_opened", 1, "km", T0.plus(Duration.ofMinutes(90))));
        harness.drain(harness.city);

        harness.send(Events.plain("ordos", 2, "road_km_opened", 5, "km", T0.plusSeconds(30)));

        assertThat(harness.late.isEmpty()).isTrue();
        assertThat(harness.drain(harness.city)).extracting(r -> r.key(), r -> r.value().value()).containsExactly(
                org.assertj.core.groups.Tuple.tuple("2:ordos:road_km_opened:1h@2026-11-27T02:00:00Z", 5.0),
                org.assertj.core.groups.Tuple.tuple("2:ordos:road_km_opened:1d@2026-11-27T00:00:00Z", 6.0));
    }

    @Test
    void shouldAccountForEveryRecordReceived() {
        EventEnvelope repeated = Events.plain("baotou", 17, "training_sessions", 2, "count", T0.plusSeconds(10));
        harness.send(repeated);
        harness.send(repeated);
        harness.send(Events.plain("baotou", 17, "trainees", 40, "persons", T0.plus(Duration.ofHours(4))));
        harness.send(Events.plain("baotou", 17, "trainees", 40, "persons", T0.plusSeconds(20)));
        harness.sendRaw("17:baotou", "not json", T0);
        harness.sendRaw("17:baotou", "{}", T0);

        Map<Accounting.Outcome, Long> totals = accounting();

        assertThat(totals).containsExactlyInAnyOrderEntriesOf(Map.of(
                Accounting.Outcome.RECEIVED, 6L,
                Accounting.Outcome.DEAD_LETTERED, 2L,
                Accounting.Outcome.DUPLICATE, 1L,
                Accounting.Outcome.LATE, 1L,
                Accounting.Outcome.COUNTED, 2L));
        assertThat(totals.get(Accounting.Outcome.RECEIVED)).isEqualTo(totals.get(Accounting.Outcome.DEAD_LETTERED)
                + totals.get(Accounting.Outcome.DUPLICATE) + totals.get(Accounting.Outcome.LATE)
                + totals.get(Accounting.Outcome.COUNTED));
        CityIndicator last = harness.drain(harness.city).stream().map(TestRecord::value)
                .filter(c -> c.indicator().equals("trainees") && c.window().equals("1d")).reduce((a, b) -> b).orElseThrow();
        assertThat(last.value()).isEqualTo(40.0);
    }

    @Test
    void shouldNotLetOneCitySuppressAnothersEventWithTheSameEventId() {
        // Both keys land in the one partition of this driver; de-duplication is by city and eventId
        UUID shared = UUID.randomUUID();
        EventEnvelope ordos = EventEnvelope.plain(shared, "ordos", 2, "road_km_opened", Events.at(T0), 12.5, "km");
        EventEnvelope hohhot = EventEnvelope.plain(shared, "hohhot", 2, "road_km_opened", Events.at(T0.plusSeconds(5)),
                3, "km");

        harness.send(ordos);
        harness.send(hohhot);

        assertThat(accounting()).containsEntry(Accounting.Outcome.COUNTED, 2L)
                .containsEntry(Accounting.Outcome.DUPLICATE, 0L);
        harness.send(hohhot);
        assertThat(accounting()).as("the same city's repeat is still a duplicate")
                .containsEntry(Accounting.Outcome.DUPLICATE, 1L);
    }

    @Test
    void shouldDeadLetterAnEventFarAheadOfTheClockWithoutMovingStreamTime() {
        Instant now = T0.plus(Duration.ofHours(6));
        EventEnvelope farFuture = EventEnvelope.plain(UUID.randomUUID(), "ordos", 2, "road_km_opened",
                java.time.OffsetDateTime.parse("9999-12-31T23:59:59+08:00"), 1, "km");
        EventEnvelope inAnHour = Events.plain("ordos", 2, "road_km_opened", 1, "km", now.plus(Duration.ofHours(1)));
        EventEnvelope honest = Events.plain("ordos", 2, "road_km_opened", 7, "km", now.minusSeconds(60));

        harness.send(farFuture);
        harness.send(inAnHour);
        harness.send(honest);

        List<TestRecord<String, byte[]>> dead = harness.dlq.readRecordsToList();
        assertThat(dead).hasSize(2).allSatisfy(r -> {
            assertThat(TopologyHarness.header(r.headers(), DeadLetterHeaders.REASON)).isEqualTo("time");
            assertThat(TopologyHarness.header(r.headers(), DeadLetterHeaders.MESSAGE))
                    .startsWith("occurredAt: is ").contains("minutes ahead of the processors' clock");
        });
        assertThat(harness.late.isEmpty()).as("stream time was not moved by the future events").isTrue();
        assertThat(accounting()).containsEntry(Accounting.Outcome.DEAD_LETTERED, 2L)
                .containsEntry(Accounting.Outcome.COUNTED, 1L);
        assertThat(harness.drain(harness.city)).extracting(r -> r.value().value()).containsOnly(7.0);
    }

    @Test
    void shouldDeadLetterAnEventBeforeTheEpoch() {
        EventEnvelope ancient = EventEnvelope.plain(UUID.randomUUID(), "ordos", 2, "road_km_opened",
                java.time.OffsetDateTime.parse("1969-12-31T23:00:00Z"), 1, "km");

        // A record's own timestamp cannot be before 1970, so the producer stamped it with its send time
        harness.sendRaw("2:ordos", new String(JsonSerde.of(EventEnvelope.class).toBytes(ancient),
                StandardCharsets.UTF_8), T0);

        TestRecord<String, byte[]> dead = harness.dlq.readRecord();
        assertThat(TopologyHarness.header(dead.headers(), DeadLetterHeaders.REASON)).isEqualTo("time");
        assertThat(TopologyHarness.header(dead.headers(), DeadLetterHeaders.MESSAGE)).contains("before 1970");
    }
}
