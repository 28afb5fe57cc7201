package org.hbew.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.json.JsonSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EnvelopeShape} may let the parser skip the JSON Schema only for envelopes the schema accepts: checked
 * here against the real validator on the valid kinds of event and on a quarter of a million random mutations
 * of them.
 */
class EnvelopeShapeTest {

    private static final Schema SCHEMA = JsonSchemas.load(JsonSchemas.EVENT_ENVELOPE);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final EnvelopeShape SHAPE = new EnvelopeShape(CATALOG);
    private static final EventParser PARSER = new EventParser(CATALOG, ValidationPolicy.withoutTimeBounds(),
            Clock.systemUTC());

    /** Every kind of valid event, and spellings of its values the schema allows: upper-case hex, fractions. */
    static List<ObjectNode> validEvents() {
        ObjectNode upperCaseId = EnvelopeExamples.plain();
        upperCaseId.put("eventId", "3F8B0C5E-9A1D-4C1E-8F2A-0d6b1e2c3a4b");
        ObjectNode fraction = EnvelopeExamples.settlement();
        ((ObjectNode) fraction.get("payload")).put("settledAt", "2026-11-27T08:20:00.125Z");
        return List.of(EnvelopeExamples.plain(), upperCaseId, EnvelopeExamples.settlement(), fraction,
                EnvelopeExamples.requestedTransfer(), EnvelopeExamples.completedTransfer(), EnvelopeExamples.emergency(),
                EnvelopeExamples.emergencyNotDispatched());
    }

    @ParameterizedTest
    @MethodSource("validEvents")
    void shouldRecogniseEveryKindOfValidEventWithoutTheSchema(ObjectNode event) {
        assertThat(SCHEMA.validate(event)).as("the schema accepts it").isEmpty();
        assertThat(SHAPE.conforms(event)).as("the quick check accepts it").isTrue();
    }

    @Test
    void shouldAcceptOnlyWhatTheSchemaAcceptsOnRandomMutations() {
        // Given the valid events with one to three fields removed, added or replaced by values of every type
        Random random = new Random(20261127);
        List<ObjectNode> valid = validEvents();
        int conforming = 0;
        int leftToTheSchema = 0;
        int schemaAlsoAccepted = 0;
        for (int n = 0; n < 250_000; n++) {
            ObjectNode event = valid.get(random.nextInt(valid.size())).deepCopy();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                mutate(event, random);
            }

            // When both judge it
            boolean quick = SHAPE.conforms(event);
            if (n % 5 == 0) {
                ParseResult parsed = PARSER.parse(event);
                assertThat(parsed).as("the parser answers, never throws, for %s", event).isNotNull();
                if (parsed instanceof ParseResult.Valid accepted) {
                    assertThat(finiteNumbers(accepted.event())).as("numbers of the accepted %s", event).isTrue();
                }
            }

            // Then the quick check never accepts what the schema refuses
            if (quick) {
                conforming++;
                assertThat(SCHEMA.validate(event)).as("schema problems of an event the quick check accepted: %s", event)
                        .isEmpty();
            } else {
                leftToTheSchema++;
                if (n % 10 == 0 && schemaAccepts(event)) {
                    schemaAlsoAccepted++;
                }
            }
        }
        // And the mutations reach both sides, so the comparison above means something
        assertThat(conforming).isGreaterThan(5_000);
        assertThat(leftToTheSchema).isGreaterThan(100_000);
        // And the quick check is not needlessly strict: of the events it leaves to the schema, few pass it (those
        // with a number like 1.0 for an integer or a date-time the schema's pattern admits, such as 2026-02-30)
        assertThat(schemaAlsoAccepted).isLessThan(leftToTheSchema / 10 / 20);
    }

    private static boolean finiteNumbers(EventEnvelope event) {
        return (event.value() == null || Double.isFinite(event.value()))
                && (event.payload() == null || Double.isFinite(event.payload().amount()));
    }

    /** As the parser asks it: the validator throws on infinities and NaN, which the parser refuses before. */
    private static boolean schemaAccepts(JsonNode event) {
        return !hasNonFiniteNumber(event) && SCHEMA.validate(event).isEmpty();
    }

    private static boolean hasNonFiniteNumber(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            return !Double.isFinite(node.doubleValue());
        }
        for (JsonNode child : node) {
            if (hasNonFiniteNumber(child)) {
                return true;
            }
        }
        return false;
    }

    private static void mutate(ObjectNode event, Random random) {
        ObjectNode target = event.get("payload") instanceof ObjectNode payload && random.nextBoolean() ? payload : event;
        List<String> fields = new ArrayList<>();
        target.fieldNames().forEachRemaining(fields::add);
        String field = fields.isEmpty() || random.nextInt(8) == 0 ? pick(random, EXTRA_FIELDS) : fields.get(random.nextInt(fields.size()));
        if (random.nextInt(4) == 0) {
            target.remove(field);
        } else {
            target.set(field, replacement(field, random));
        }
    }

    private static final List<String> EXTRA_FIELDS = List.of("value", "unit", "payload", "completedAt",
            "dispatchedAt", "arrivedAt", "stage", "extra", "Value", "amount");

    private static final List<String> TIMESTAMPS = List.of("2026-11-27T09:30:00+08:00", "2026-11-27T09:30:00Z",
            "2026-11-27T09:30:00.5-03:30", "2026-11-27T09:30+08:00", "2026-11-27T09:30:00", "2026-02-30T09:30:00Z",
            "2026-11-27T24:00:00Z", "2026-11-27T23:59:60Z", "2026-11-27T09:30:00+19:00", "2026-11-27T09:30:00+08:60",
            "2026-11-27T09:30:00.1234567891Z", "2026-11-27t09:30:00z", "2026-11-27T09:30:00Z\n",
            "0000-01-01T00:00:00Z", "2026-11-27T09:30:00-00:00", "\uff12026-11-27T09:30:00Z", "2026-11-27 09:30:00Z");
    private static final List<String> IDS = List.of("3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b",
            "3F8B0C5E-9A1D-4C1E-8F2A-0D6B1E2C3A4B", "3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b\n",
            "3f8b0c5e9a1d4c1e8f2a0d6b1e2c3a4b", "3g8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b",
            "{3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b}", "3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4");
    private static final List<String> CODES = List.of("", "x", "hohhot", "baotou", "Ordos", "ulanqab ", "ordos\n",
            "medical.settlement", "pension.transfer", "emergency.request", "road_km_opened", "road_km_opened\n",
            "1road", "Road_km", "requested", "completed", "Completed", "team", "accident", "supplies", "public_health",
            "km");

    /** A replacement for {@code field}: half the time a near miss of what belongs there, else anything. */
    private static JsonNode replacement(String field, Random random) {
        if (random.nextBoolean()) {
            if (field.endsWith("At")) {
                return NODES.textNode(pick(random, TIMESTAMPS));
            }
            if (field.equals("eventId")) {
                return NODES.textNode(pick(random, IDS));
            }
            if (field.endsWith("ity") || field.equals("indicator") || field.equals("stage")
                    || field.equals("category") || field.equals("resource") || field.equals("unit")) {
                return NODES.textNode(pick(random, CODES));
            }
        }
        return value(random);
    }

    private static JsonNode value(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.numberNode(random.nextInt(30) - 3);
            case 1 -> NODES.numberNode(random.nextDouble() * 200 - 50);
            case 2 -> NODES.numberNode(pick(random, List.of(1.0, 22.0, -0.0, Double.POSITIVE_INFINITY, Double.NaN, 1e300)));
            case 3 -> NODES.numberNode(BigInteger.TEN.pow(pick(random, List.of(2, 18, 19, 308, 309, 400))));
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.nullNode();
            case 6 -> NODES.objectNode();
            case 7 -> NODES.arrayNode().add("hohhot");
            case 8 -> NODES.textNode(pick(random, TIMESTAMPS));
            case 9 -> NODES.textNode(pick(random, IDS));
            default -> NODES.textNode(pick(random, CODES));
        };
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    @Test
    void shouldKnowTheSchemasCitiesAndPayloadCodes() {
        JsonNode schema = schemaDocument();

        assertThat(SHAPE.cities()).isEqualTo(texts(schema.at("/$defs/city/enum")));
        assertThat(PensionTransfer.STAGE_CODES).isEqualTo(texts(schema.at("/$defs/pensionTransfer/properties/stage/enum")));
        assertThat(EmergencyRequest.CATEGORY_CODES)
                .isEqualTo(texts(schema.at("/$defs/emergencyRequest/properties/category/enum")));
        assertThat(EmergencyRequest.RESOURCE_CODES)
                .isEqualTo(texts(schema.at("/$defs/emergencyRequest/properties/resource/enum")));
    }

    @Test
    void shouldTakeTheCitiesAndItemsFromTheCatalog() throws IOException {
        // Given a catalog with a fifth city
        Catalog withXian;
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(CatalogLoader.DEFAULT_RESOURCE)) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("cities:\n",
                    "cities:\n  - {code: xian, nameZh: 西安, nameEn: Xi'an}\n");
            withXian = CatalogLoader.parse("with-xian", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        }
        ObjectNode fromXian = EnvelopeExamples.plain().put("city", "xian");

        // Then the shape made from it accepts that city's events, and the shipped catalog's shape does not
        assertThat(new EnvelopeShape(withXian).conforms(fromXian)).isTrue();
        assertThat(SHAPE.conforms(fromXian)).isFalse();
        // And the items are the catalog's, first to last
        int last = CATALOG.items().get(CATALOG.items().size() - 1).number();
        assertThat(SHAPE.conforms(EnvelopeExamples.plain().put("item", last))).isTrue();
        assertThat(SHAPE.conforms(EnvelopeExamples.plain().put("item", last + 1))).isFalse();
        assertThat(SHAPE.conforms(EnvelopeExamples.plain().put("item", CATALOG.items().get(0).number() - 1)))
                .isFalse();
    }

    private static JsonNode schemaDocument() {
        try (var in = EventParser.class.getClassLoader().getResourceAsStream(EventParser.SCHEMA_RESOURCE)) {
            return Json.mapper().readTree(in);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new HashSet<>();
        array.forEach(v -> values.add(v.asText()));
        assertThat(values).as("enum in the schema").isNotEmpty();
        return values;
    }
}
