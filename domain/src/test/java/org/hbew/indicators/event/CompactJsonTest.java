package org.hbew.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.json.JsonSerde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CompactJson} may stand in for Jackson only where it builds the very tree Jackson builds: checked on the
 * envelopes as the gateway writes them, and on random byte-level mutations of them, against
 * {@link StrictJson#readGenerally}.
 */
class CompactJsonTest {

    private static final EventParser PARSER = new EventParser(CatalogLoader.loadDefault(),
            ValidationPolicy.withoutTimeBounds(), Clock.systemUTC());
    private static final JsonSerde<EventEnvelope> GATEWAY_SERDE = JsonSerde.of(EventEnvelope.class);

    /** Every kind of envelope, written as the gateway writes it to hbew.events.raw. */
    private static List<byte[]> gatewayRecords() throws Exception {
        List<byte[]> records = new ArrayList<>();
        for (ObjectNode example : List.of(EnvelopeExamples.plain(), EnvelopeExamples.settlement(),
                EnvelopeExamples.completedTransfer(), EnvelopeExamples.requestedTransfer(), EnvelopeExamples.emergency(),
                EnvelopeExamples.emergencyNotDispatched())) {
            ParseResult parsed = PARSER.parse(Json.mapper().writeValueAsBytes(example));
            assertThat(parsed).as("%s", example).isInstanceOf(ParseResult.Valid.class);
            records.add(GATEWAY_SERDE.toBytes(((ParseResult.Valid) parsed).event()));
        }
        // Values the gateway writes in other forms: exponents, a fraction of a second, a negative number
        records.add(bytes("{\"schemaVersion\":1,\"eventId\":\"e0a1de09-e89e-44c2-a22f-cd83b59147dd\",\"city\":\"ordos\","
                + "\"item\":3,\"indicator\":\"expressway_investment\",\"occurredAt\":\"2026-12-01T09:26:26.32+08:00\","
                + "\"value\":2.0189175E7,\"unit\":\"CNY\"}"));
        records.add(bytes("{\"schemaVersion\":1,\"eventId\":\"e0a1de09-e89e-44c2-a22f-cd83b59147dd\",\"city\":\"ordos\","
                + "\"item\":3,\"indicator\":\"expressway_progress\",\"occurredAt\":\"2026-12-01T09:26:26Z\","
                + "\"value\":-1.5e-3,\"unit\":\"percent\"}"));
        return records;
    }

    @Test
    void shouldReadWhatTheGatewayWritesAsJacksonDoes() throws Exception {
        for (byte[] record : gatewayRecords()) {
            JsonNode compact = CompactJson.read(record, 0, record.length);

            assertThat(compact).as("read without Jackson: %s", text(record)).isNotNull();
            assertSameTree(compact, StrictJson.readGenerally(record, 0, record.length), record);
        }
    }

    @Test
    void shouldReadASliceOfALargerBuffer() throws Exception {
        byte[] record = gatewayRecords().get(0);
        byte[] buffer = new byte[record.length + 10];
        System.arraycopy(record, 0, buffer, 5, record.length);
        buffer[4] = '{';
        buffer[record.length + 5] = '}';

        assertSameTree(CompactJson.read(buffer, 5, record.length), StrictJson.readGenerally(record, 0, record.length),
                record);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-7", "2147483647", "2147483648", "-2147483648", "-2147483649", "123456789012345678",
            "1.0", "-0.5", "1E2", "1e+2", "2.5e-3", "0.000001", "1.7976931348623157E308", "4.9E-324", "true", "null",
            "\"\"", "{}"})
    void shouldReadEveryKindOfValueAsJacksonDoes(String value) throws Exception {
        byte[] record = bytes("{\"amount\":" + value + ",\"payload\":{\"value\":" + value + "}}");

        JsonNode compact = CompactJson.read(record, 0, record.length);

        assertThat(compact).as("read without Jackson: %s", text(record)).isNotNull();
        assertSameTree(compact, StrictJson.readGenerally(record, 0, record.length), record);
    }

    @Test
    void shouldLeaveAnythingOutsideItsFormToJackson() {
        for (String text : List.of("", "{", "{}x", " {}", "{} ", "{\"a\":1,\"a\":2}", "{\"a\" :1}", "{\"a\":\"\\u0041\"}",
                "{\"a\":\"caf\u00e9\"}", "{\"a\":[1]}", "{\"a\":-0}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}",
                "{\"a\":1e999}", "{\"a\":1234567890123456789}", "{\"a\":tru}", "{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}",
                "[1]", "\"x\"", "{\"a\":1,}", "{,}", "{\"a\":\"tab\there\"}", "\uFEFF{}")) {
            byte[] bytes = bytes(text);
            assertThat(CompactJson.read(bytes, 0, bytes.length)).as("%s", text).isNull();
        }
    }

    @Test
    void shouldBuildJacksonsTreeOrNothingOnRandomMutations() throws Exception {
        // Given the gateway's records with one to three bytes replaced, inserted, removed, or a field repeated
        Random random = new Random(20261201);
        List<byte[]> records = gatewayRecords();
        int readCompactly = 0;
        int refusedByJackson = 0;
        for (int n = 0; n < 200_000; n++) {
            byte[] bytes = records.get(random.nextInt(records.size()));
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                bytes = mutate(bytes, random);
            }

            // When both read it
            JsonNode compact = CompactJson.read(bytes, 0, bytes.length);
            JsonNode general;
            try {
                general = StrictJson.readGenerally(bytes, 0, bytes.length);
            } catch (StrictJson.MalformedException e) {
                general = null;
                refusedByJackson++;
            }

            // Then the compact reader either leaves it to Jackson or builds the same tree
            if (compact != null) {
                readCompactly++;
                assertThat(general).as("Jackson refused what was read compactly: %s", text(bytes)).isNotNull();
                assertSameTree(compact, general, bytes);
            }
        }
        // And the mutations reach both sides, so the comparison means something
        assertThat(readCompactly).isGreaterThan(20_000);
        assertThat(refusedByJackson).isGreaterThan(50_000);
    }

    private static void assertSameTree(JsonNode compact, JsonNode general, byte[] bytes) {
        assertThat(compact).as("the tree of %s", text(bytes)).isEqualTo(general);
        // equals() ignores the order of fields; the text shows it, and every node's type
        assertThat(compact.toString()).isEqualTo(general.toString());
        assertSameTypes(compact, general, text(bytes));
    }

    private static void assertSameTypes(JsonNode compact, JsonNode general, String source) {
        assertThat(compact.getClass()).as("node type in %s", source).isEqualTo(general.getClass());
        for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) compact.properties()::iterator) {
            assertSameTypes(field.getValue(), general.get(field.getKey()), source);
        }
    }

    /** Bytes a mutation writes: JSON's own punctuation, digits, letters, white space, escapes, and any byte. */
    private static final byte[] ALPHABET = bytes("{}[]\":,\\ \t\n0123456789-+.eEtrufalsn\"aZ/");

    private static byte[] mutate(byte[] bytes, Random random) {
        int at = random.nextInt(bytes.length + 1);
        byte b = random.nextInt(10) == 0 ? (byte) random.nextInt(256) : ALPHABET[random.nextInt(ALPHABET.length)];
        switch (random.nextInt(4)) {
            case 0 -> {
                if (at < bytes.length) {
                    byte[] copy = bytes.clone();
                    copy[at] = b;
                    return copy;
                }
                return bytes;
            }
            case 1 -> {
                byte[] copy = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, copy, 0, at);
                copy[at] = b;
                System.arraycopy(bytes, at, copy, at + 1, bytes.length - at);
                return copy;
            }
            case 2 -> {
                if (at < bytes.length) {
                    byte[] copy = new byte[bytes.length - 1];
                    System.arraycopy(bytes, 0, copy, 0, at);
                    System.arraycopy(bytes, at + 1, copy, at, bytes.length - at - 1);
                    return copy;
                }
                return bytes;
            }
            default -> {
                // Repeat the span from one comma to the next right after itself: a field twice, or broken JSON
                String text = text(bytes);
                int from = text.indexOf(',', random.nextInt(text.length()));
                int to = from < 0 ? -1 : text.indexOf(',', from + 1);
                return from < 0 || to < 0 ? bytes : bytes(text.substring(0, to) + text.substring(from));
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
