package org.hbew.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.City;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.json.JsonSerde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CompactEnvelope} may bind an event only where the general route finds the same event valid: checked on
 * an event of every indicator and flow as the gateway writes it, and on random mutations of their fields and bytes.
 */
class CompactEnvelopeTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final CompactEnvelope COMPACT = new CompactEnvelope(CATALOG);
    private static final EventParser PARSER = new EventParser(CATALOG, ValidationPolicy.withoutTimeBounds(),
            Clock.systemUTC());
    private static final JsonSerde<EventEnvelope> GATEWAY_SERDE = JsonSerde.of(EventEnvelope.class);
    private static final OffsetDateTime OCCURRED_AT = OffsetDateTime.parse("2026-11-27T09:30:00.125+08:00");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Valid events of every plain indicator and every flow (each shape of payload), from random cities and values. */
    private static List<EventEnvelope> validEvents(Random random) {
        List<EventEnvelope> events = new ArrayList<>();
        List<String> cities = CATALOG.cityCodes();
        for (Item item : CATALOG.items()) {
            for (Indicator indicator : item.plainIndicators()) {
                double min = indicator.range().min();
                double max = Math.min(indicator.range().max(), min + 1e6);
                double value = min + random.nextDouble() * (max - min);
                value = indicator.unit().wholeNumbers() ? Math.floor(value) : value;
                events.add(EventEnvelope.plain(UUID.randomUUID(), pick(random, cities), item.number(), indicator.code(),
                        OCCURRED_AT, value, indicator.unit().code()));
            }
            if (item.flow().isEmpty()) {
                continue;
            }
            String origin = pick(random, cities);
            String destination = cities.stream().filter(c -> !c.equals(origin)).toList().get(random.nextInt(3));
            String city = random.nextBoolean() ? origin : destination;
            OffsetDateTime early = OCCURRED_AT.minusHours(5);
            OffsetDateTime later = OCCURRED_AT.minusHours(1).withOffsetSameInstant(ZoneOffset.UTC);
            List<FlowPayload> payloads = switch (item.flow().get()) {
                case MEDICAL_SETTLEMENT -> List.of(
                        new MedicalSettlement(origin, destination, random.nextInt(10_000) / 100.0, true, early, later),
                        new MedicalSettlement(origin, destination, 0, false, early, early));
                case PENSION_TRANSFER -> List.of(
                        new PensionTransfer(origin, destination, PensionTransfer.Stage.REQUESTED, early, null),
                        new PensionTransfer(origin, destination, PensionTransfer.Stage.COMPLETED, early, later));
                case EMERGENCY_REQUEST -> List.of(
                        new EmergencyRequest(origin, destination, EmergencyRequest.Category.ACCIDENT,
                                EmergencyRequest.Resource.TEAM, early, null, null),
                        new EmergencyRequest(origin, destination, EmergencyRequest.Category.PUBLIC_HEALTH,
                                EmergencyRequest.Resource.SPECIAL_EQUIPMENT, early, later, null),
                        new EmergencyRequest(origin, destination, EmergencyRequest.Category.NATURAL_DISASTER,
                                EmergencyRequest.Resource.SUPPLIES, early, early, OCCURRED_AT));
            };
            for (FlowPayload payload : payloads) {
                events.add(EventEnvelope.flow(UUID.randomUUID(), city, item.number(), OCCURRED_AT, payload));
            }
        }
        return events;
    }

    @Test
    void shouldBindEveryKindOfValidEventAsTheGatewayWritesIt() {
        List<EventEnvelope> events = validEvents(new Random(1));
        assertThat(events.stream().map(EventEnvelope::flow).distinct()).as("flows covered")
                .hasSize(Flow.values().length + 1);
        for (EventEnvelope event : events) {
            byte[] record = GATEWAY_SERDE.toBytes(event);

            EventEnvelope bound = COMPACT.read(record);

            assertThat(bound).as("bound from the bytes: %s", text(record)).isEqualTo(event);
            assertThat(PARSER.parseGenerally(record)).isEqualTo(new ParseResult.Valid(event));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "12.0", "-0", "-0.0", "0", "0.0", "1E1", "1e-1", "2.0189175E7", "0.30000000000000004",
            "1234567890123.4", "12345678901.234567", "999999999999", "0.000000000000001", "5523.03", "1e400"})
    void shouldReadEveryNumberAsTheGeneralRouteDoes(String number) {
        byte[] record = ("{\"schemaVersion\":1,\"eventId\":\"3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b\",\"city\":\"ordos\","
                + "\"item\":19,\"indicator\":\"procurement_savings\",\"occurredAt\":\"2026-11-27T09:30:00+08:00\","
                + "\"value\":" + number + ",\"unit\":\"CNY\"}").getBytes(StandardCharsets.UTF_8);

        EventEnvelope bound = COMPACT.read(record);
        ParseResult general = PARSER.parseGenerally(record);

        if (bound != null) {
            assertThat(general).isEqualTo(new ParseResult.Valid(bound));
        } else {
            assertThat(number).as("left to the general route").isIn("-0", "1e400");
        }
    }

    @Test
    void shouldLeaveWhatIsOutOfItsPolicysTimeBoundsToTheGeneralRouteWhichWordsIt() {
        EventEnvelope event = validEvents(new Random(2)).get(0);
        EventParser edge = new EventParser(CATALOG, ValidationPolicy.edgeDefaults(),
                Clock.fixed(Instant.parse("2027-06-01T00:00:00Z"), ZoneOffset.UTC));

        ParseResult result = edge.parse(GATEWAY_SERDE.toBytes(event));

        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        assertThat(((ParseResult.Invalid) result).problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(Problem.Kind.TIME));
    }

    @Test
    void shouldBindOnlyWhatTheGeneralRouteFindsValidAndTheSameEventOnRandomMutations() throws Exception {
        // Given events as the gateway writes them, with one or two fields replaced, removed or added, and a byte changed in some
        Random random = new Random(20261201);
        List<EventEnvelope> valid = validEvents(random);
        int bound = 0;
        int validGenerally = 0;
        for (int n = 0; n < 60_000; n++) {
            byte[] record = GATEWAY_SERDE.toBytes(pick(random, valid));
            ObjectNode tree = (ObjectNode) Json.mapper().readTree(record);
            for (int edits = random.nextInt(4) == 0 ? 2 : 1; edits > 0; edits--) {
                mutate(tree, random);
            }
            record = Json.mapper().writeValueAsBytes(tree);
            if (random.nextInt(4) == 0) {
                record = mutateByte(record, random);
            }

            // When both routes read it
            EventEnvelope compact = COMPACT.read(record);
            ParseResult general = PARSER.parseGenerally(record);
            validGenerally += general instanceof ParseResult.Valid ? 1 : 0;

            // Then the compact route binds only what the general one finds valid, as the same event
            if (compact != null) {
                bound++;
                assertThat(general).as("the general route on %s", text(record)).isEqualTo(new ParseResult.Valid(compact));
            }
        }
        // And the mutations reach both sides, so the comparison means something
        assertThat(bound).isGreaterThan(2_500);
        assertThat(60_000 - validGenerally).isGreaterThan(20_000);
        // And most valid mutants are bound compactly (the rest: upper-case ids, date-times in other forms, fields
        // out of the gateway's order), so the route is not needlessly narrow
        assertThat(bound).as("bound compactly, of the valid ones").isGreaterThan(validGenerally * 3 / 4);
    }

    private static void mutate(ObjectNode event, Random random) {
        ObjectNode target = event.get("payload") instanceof ObjectNode payload && random.nextBoolean() ? payload : event;
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        String field = fields.isEmpty() || random.nextInt(8) == 0 ? pick(random, EXTRA_FIELDS) : pick(random, fields);
        if (random.nextInt(5) == 0) {
            target.remove(field);
        } else {
            target.set(field, replacement(field, random));
        }
    }

    private static final List<String> EXTRA_FIELDS = List.of("value", "unit", "payload", "completedAt",
            "dispatchedAt", "arrivedAt", "stage", "extra", "amount", "direct");

    /** Near misses of what belongs in {@code field} three times in four, else anything. */
    private static JsonNode replacement(String field, Random random) {
        if (random.nextInt(4) > 0) {
            if (field.endsWith("At")) {
                return NODES.textNode(pick(random, TIMES));
            }
            if (field.equals("eventId")) {
                return NODES.textNode(pick(random, IDS));
            }
            if (field.endsWith("ity") || field.equals("indicator") || field.equals("stage")
                    || field.equals("category") || field.equals("resource") || field.equals("unit")) {
                return NODES.textNode(pick(random, CODES));
            }
        }
        return switch (random.nextInt(9)) {
            case 0 -> NODES.numberNode(random.nextInt(30) - 3);
            case 1 -> NODES.numberNode(random.nextDouble() * 200 - 50);
            case 2 -> NODES.numberNode(pick(random, List.of(1.0, 22.0, -0.0, 0.0, 0.5, 100.0, 100.5, 1e300, 7.5e9)));
            case 3 -> NODES.booleanNode(random.nextBoolean());
            case 4 -> NODES.nullNode();
            case 5 -> NODES.objectNode();
            case 6 -> NODES.textNode(pick(random, TIMES));
            case 7 -> NODES.textNode(pick(random, IDS));
            default -> NODES.textNode(pick(random, CODES));
        };
    }

    private static final List<String> TIMES = List.of("2026-11-27T09:30:00.125+08:00", "2026-11-27T01:30:00.125Z",
            "2026-11-27T01:30:00.126Z", "2026-11-27T09:30:00+08:00", "2026-11-27T04:30:00+08:00",
            "2026-11-27T10:30:00+08:00", "2026-11-27T09:30+08:00", "2026-02-30T09:30:00Z", "2026-11-27T09:30:00",
            "2026-11-27T08:30:00.5-03:30", "2026-11-27 09:30:00Z", "2026-11-27T09:30:00\\u005A");
    private static final List<String> IDS = List.of("3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b",
            "3F8B0C5E-9A1D-4C1E-8F2A-0D6B1E2C3A4B", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "3f8b0c5e9a1d4c1e8f2a0d6b1e2c3a4b",
            "3g8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b", "3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4");
    private static final List<String> CODES = codes();

    /** Every code the catalog and the flows know, and near misses of them. */
    private static List<String> codes() {
        List<String> codes = new ArrayList<>(List.of("", "x", "Ordos", "ulanqab ", "requested", "completed",
                "Completed", "team", "accident", "supplies", "public_health", "social_safety", "special_equipment",
                "natural_disaster", "Team"));
        CATALOG.cities().stream().map(City::code).forEach(codes::add);
        for (Item item : CATALOG.items()) {
            for (Indicator indicator : item.indicators()) {
                codes.add(indicator.code());
                codes.add(indicator.unit().code());
            }
        }
        for (Flow flow : Flow.values()) {
            codes.add(flow.code());
        }
        return codes;
    }

    private static byte[] mutateByte(byte[] bytes, Random random) {
        byte[] copy = bytes.clone();
        copy[random.nextInt(copy.length)] = (byte) "{}\":,.-0123456789eaz \\".charAt(random.nextInt(22));
        return copy;
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
