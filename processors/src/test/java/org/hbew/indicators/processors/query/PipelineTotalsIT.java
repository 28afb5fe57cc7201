package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hbew.indicators.catalog.City;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.event.EmergencyRequest;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.MedicalSettlement;
import org.hbew.indicators.event.Observation;
import org.hbew.indicators.event.Observations;
import org.hbew.indicators.event.PensionTransfer;
import org.apache.kafka.streams.GroupProtocol;
import org.hbew.indicators.processors.ProcessorsApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two processor instances on a real broker, fed every item of every city with duplicates, late
 * events and garbage mixed in: every record is accounted for, the figures of every item and city
 * add up to exactly what was sent (count and sum per indicator) on both instances, and the
 * business metrics report every (item, city, indicator) exactly once across the instances — also
 * after one instance stops and its tasks move to the other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineTotalsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final int EVENTS = 600;
    private static final int DUPLICATES = 40;
    private static final int LATE = 20;
    private static final int GARBAGE = 10;
    private static final Pattern STATUS_ROW = Pattern.compile(
            "^hbew_indicator_status\\{city=\"(\\w+)\",indicator=\"(\\w+)\",item=\"(\\d+)\",status=\"(\\w+)\"} 1\\.0$",
            Pattern.MULTILINE);
    private static final Pattern DAILY_FLOW_EVENTS_ROW = Pattern.compile(
            "^hbew_flow_events\\{flow=\"([\\w.]+)\",from=\"(\\w+)\",item=\"\\d+\",to=\"(\\w+)\",window=\"1d\"} (\\S+)$",
            Pattern.MULTILINE);

    QueryTestKafka kafka;
    String appId;
    private ProcessorsApp first;
    private ProcessorsApp second;
    private final Map<String, Totals> expected = new HashMap<>();
    private final List<EventEnvelope> onTimeFlows = new ArrayList<>();
    private final Random random = new Random(2020_0920);

    /** Expected count and sum of one indicator of one item in one city. */
    private static final class Totals {
        long count;
        double sum;
    }

    @BeforeAll
    void startClusterAndSend() {
        kafka = new QueryTestKafka();
        appId = "hbew-totals-it-" + UUID.randomUUID();
        first = kafka.processors(appId, "first", 0, groupProtocol());
        second = kafka.processors(appId, "second", 0, groupProtocol());
        assertThat(first.awaitRunning(PATIENCE)).isTrue();
        assertThat(second.awaitRunning(PATIENCE)).isTrue();

        OffsetDateTime now = OffsetDateTime.now(TestEvents.CST).truncatedTo(ChronoUnit.SECONDS);
        List<EventEnvelope> onTime = new ArrayList<>();
        List<Item> items = QueryTestKafka.CATALOG.items();
        List<City> cities = QueryTestKafka.CATALOG.cities();
        for (int i = 0; i < EVENTS; i++) {
            Item item = items.get(i % items.size());
            String city = cities.get((i / items.size()) % cities.size()).code();
            onTime.add(event(item, city, now.minusSeconds(random.nextInt(600))));
        }
        kafka.send(onTime.toArray(EventEnvelope[]::new));
        for (EventEnvelope event : onTime) {
            if (event.payload() != null) {
                onTimeFlows.add(event);
            }
            Item item = QueryTestKafka.CATALOG.item(event.item()).orElseThrow();
            for (Observation o : Observations.of(item, event)) {
                Totals totals = expected.computeIfAbsent(key(event.item(), event.city(), o.indicator().code()),
                        k -> new Totals());
                totals.count++;
                totals.sum += o.value();
            }
        }
        for (int i = 0; i < DUPLICATES; i++) {
            kafka.send(onTime.get(random.nextInt(onTime.size())));
        }
        for (int i = 0; i < LATE; i++) {
            EventEnvelope source = onTime.get(i);
            Item item = QueryTestKafka.CATALOG.item(source.item()).orElseThrow();
            kafka.send(event(item, source.city(), now.minusHours(4)));
        }
        for (int i = 0; i < GARBAGE; i++) {
            kafka.sendGarbage("1:hohhot", i % 2 == 0 ? "{broken" : "{\"schemaVersion\":1}",
                    now.toInstant().toEpochMilli());
        }
    }

    /** The rebalance protocol of the two instances; {@link PipelineTotalsStreamsProtocolIT} runs it all again with Kafka 4's. */
    GroupProtocol groupProtocol() {
        return GroupProtocol.CLASSIC;
    }

    private EventEnvelope event(Item item, String city, OffsetDateTime at) {
        String other = QueryTestKafka.CATALOG.cityCodes().stream().filter(c -> !c.equals(city))
                .toList().get(random.nextInt(3));
        if (item.flow().isEmpty()) {
            Indicator indicator = item.indicators().get(random.nextInt(item.indicators().size()));
            return TestEvents.plain(city, item.number(), indicator.code(), random.nextInt(101),
                    indicator.unit().code(), at);
        }
        return switch (item.flow().get()) {
            case MEDICAL_SETTLEMENT -> EventEnvelope.flow(UUID.randomUUID(), city, item.number(), at,
                    new MedicalSettlement(city, other, 100 + random.nextInt(900), random.nextInt(10) > 0,
                            at.minusMinutes(5 + random.nextInt(3000)), at));
            case PENSION_TRANSFER -> random.nextBoolean()
                    ? EventEnvelope.flow(UUID.randomUUID(), city, item.number(), at, new PensionTransfer(other, city,
                            PensionTransfer.Stage.COMPLETED, at.minusHours(24 + random.nextInt(400)), at))
                    : EventEnvelope.flow(UUID.randomUUID(), city, item.number(), at, new PensionTransfer(city, other,
                            PensionTransfer.Stage.REQUESTED, at, null));
            case EMERGENCY_REQUEST -> EventEnvelope.flow(UUID.randomUUID(), city, item.number(), at,
                    new EmergencyRequest(city, other, EmergencyRequest.Category.NATURAL_DISASTER,
                            EmergencyRequest.Resource.SUPPLIES, at.minusHours(2),
                            random.nextInt(5) > 0 ? at.minusHours(2).plusMinutes(5 + random.nextInt(40)) : null,
                            null));
        };
    }

    private static String key(int item, String city, String indicator) {
        return item + ":" + city + ":" + indicator;
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
    void shouldAccountForEveryRecordExactly() {
        HttpProbe http = new HttpProbe(first.httpPort());
        long received = EVENTS + DUPLICATES + LATE + GARBAGE;

        await("every record accounted for").atMost(PATIENCE).untilAsserted(() ->
                assertThat(http.get("/v1/accounting").json().get("received").asLong()).isEqualTo(received));

        JsonNode accounting = http.get("/v1/accounting").json();
        assertThat(accounting.get("counted").asLong()).isEqualTo(EVENTS);
        assertThat(accounting.get("duplicates").asLong()).isEqualTo(DUPLICATES);
        assertThat(accounting.get("late").asLong()).isEqualTo(LATE);
        assertThat(accounting.get("deadLettered").asLong()).isEqualTo(GARBAGE);
        assertThat(accounting.get("balanced").asBoolean()).isTrue();
        assertThat(new HttpProbe(second.httpPort()).get("/v1/accounting").json()).isEqualTo(accounting);
    }

    @Test
    @Order(2)
    void shouldAddUpToWhatWasSentForEveryItemAndCityOnBothInstances() {
        Set<String> itemCities = new HashSet<>();
        expected.keySet().forEach(k -> itemCities.add(k.substring(0, k.lastIndexOf(':'))));
        for (ProcessorsApp app : List.of(first, second)) {
            HttpProbe http = new HttpProbe(app.httpPort());
            await("figures of every item and city on instance " + app.httpPort()).atMost(PATIENCE)
                    .untilAsserted(() -> {
                        for (String itemCity : itemCities) {
                            String[] parts = itemCity.split(":");
                            Map<String, Totals> actual = dailyTotals(http, parts[0], parts[1]);
                            expected.forEach((key, totals) -> {
                                if (key.startsWith(itemCity + ":")) {
                                    Totals got = actual.get(key.substring(itemCity.length() + 1));
                                    assertThat(got).as(key).isNotNull();
                                    assertThat(got.count).as("count of " + key).isEqualTo(totals.count);
                                    assertThat(got.sum).as("sum of " + key).isCloseTo(totals.sum, within(1e-6));
                                }
                            });
                        }
                    });
        }
    }

    /** Count and sum per indicator over every daily window of the last two days. */
    private static Map<String, Totals> dailyTotals(HttpProbe http, String item, String city) {
        OffsetDateTime to = OffsetDateTime.now(TestEvents.CST).plusDays(1);
        HttpProbe.Answer answer = http.get("/v1/items/" + item + "/cities/" + city + "?window=1d&from="
                + to.minusDays(3).toInstant() + "&to=" + to.toInstant());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, Totals> totals = new HashMap<>();
        for (JsonNode record : answer.json().get("records")) {
            Totals t = totals.computeIfAbsent(record.get("indicator").asText(), k -> new Totals());
            t.count += record.get("statistics").get("count").asLong();
            t.sum += record.get("statistics").get("sum").asDouble();
        }
        return totals;
    }

    @Test
    @Order(3)
    void shouldReportEveryStatusExactlyOnceAcrossInstances() {
        int keys = (int) QueryTestKafka.CATALOG.itemIndicators().count() * QueryTestKafka.CATALOG.cities().size();

        await("every status on exactly one instance").atMost(PATIENCE).untilAsserted(() -> {
            List<String> rows = new ArrayList<>(statusRows(first));
            rows.addAll(statusRows(second));
            assertThat(rows).hasSize(keys).doesNotHaveDuplicates();
            assertThat(statusRows(first)).isNotEmpty();
            assertThat(statusRows(second)).isNotEmpty();
        });
    }

    @Test
    @Order(4)
    void shouldReportEveryFlowCellOfTheDayOnceAcrossInstances() {
        await("every flow cell of the day on exactly one instance").atMost(PATIENCE).untilAsserted(() -> {
            Instant dayStart = Instant.now().truncatedTo(ChronoUnit.DAYS);
            Map<String, Long> sent = new HashMap<>();
            for (EventEnvelope event : onTimeFlows) {
                if (!event.occurredAt().toInstant().isBefore(dayStart)) {
                    sent.merge(event.indicator() + ":" + event.payload().origin() + ":" + event.payload().destination(),
                            1L, Long::sum);
                }
            }
            List<Map.Entry<String, Long>> rows = new ArrayList<>(dailyFlowEventRows(first));
            rows.addAll(dailyFlowEventRows(second));

            assertThat(rows).extracting(Map.Entry::getKey).doesNotHaveDuplicates();
            assertThat(rows).containsExactlyInAnyOrderElementsOf(sent.entrySet());
        });
    }

    @Test
    @Order(5)
    void shouldMoveTheMetricsWithTheTasksWhenAnInstanceStops() {
        int keys = (int) QueryTestKafka.CATALOG.itemIndicators().count() * QueryTestKafka.CATALOG.cities().size();

        second.close();

        await("the survivor reports every status").atMost(PATIENCE).untilAsserted(() ->
                assertThat(statusRows(first)).hasSize(keys).doesNotHaveDuplicates());
        assertThat(first.registry().scrape()).contains("hbew_indicator_last_event_timestamp_seconds{city=\"ulanqab\",item=\"22\"}");
    }

    /** {@code flow:from:to} and the count of every daily flow-events row this instance reports. */
    private static List<Map.Entry<String, Long>> dailyFlowEventRows(ProcessorsApp app) {
        List<Map.Entry<String, Long>> rows = new ArrayList<>();
        Matcher m = DAILY_FLOW_EVENTS_ROW.matcher(app.registry().scrape());
        while (m.find()) {
            String cell = m.group(1) + ":" + m.group(2) + ":" + m.group(3);
            rows.add(Map.entry(cell, (long) Double.parseDouble(m.group(4))));
        }
        return rows;
    }

    /** {@code item:city:indicator} of every status row this instance reports as current. */
    private static List<String> statusRows(ProcessorsApp app) {
        List<String> rows = new ArrayList<>();
        Matcher m = STATUS_ROW.matcher(app.registry().scrape());
        while (m.find()) {
            rows.add(m.group(3) + ":" + m.group(1) + ":" + m.group(2));
        }
        return rows;
    }
}
