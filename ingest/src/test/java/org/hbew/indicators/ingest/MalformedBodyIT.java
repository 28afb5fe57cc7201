package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever a sender posts, the gateway answers it as a client error (or accepts it), never with a 5xx, and
 * every refusal is a JSON error: random bytes, truncated JSON, fields of the wrong type, huge numbers, deep
 * nesting, flow payloads with garbage, odd content types and tokens, against a live gateway on a real broker.
 *
 * <p>A property test in plain JUnit: {@link #TRIES} requests drawn from a seeded generator, so a failure
 * names its case and repeats with the same {@code -Dhbew.fuzz.seed}.
 */
class MalformedBodyIT {

    private static final int TRIES = 200;
    private static final long SEED = Long.getLong("hbew.fuzz.seed", 20_200_920L);
    private static final String ADMIN_TOKEN = "admin-token-for-tests";
    private static final String HOHHOT_TOKEN = "hohhot-token-for-tests";

    private static TestKafka kafka;
    private static IngestGateway gateway;
    private static HttpTestClient http;

    /** One request: token and content type may be absent (null). */
    record Post(String token, String contentType, byte[] body) {
        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return "Post[token=" + token + ", contentType=" + contentType + ", " + body.length + " bytes: "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text) + "]";
        }
    }

    @BeforeAll
    static void start() {
        kafka = TestKafka.start();
        gateway = new IngestGateway(IngestConfig.builder(kafka.bootstrapServers(),
                        TokenStore.of(Map.of("admin", ADMIN_TOKEN, "hohhot", HOHHOT_TOKEN)))
                .host("127.0.0.1").port(0).build(), CatalogLoader.loadDefault());
        gateway.start();
        http = new HttpTestClient(gateway.port());
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("posts")
    void shouldNeverAnswerAMalformedRequestWithAServerError(Post post) {
        HttpTestClient.Answer answer = http.send(http.postRequest(post.token(), post.contentType(),
                HttpRequest.BodyPublishers.ofByteArray(post.body())));

        assertThat(answer.status()).as("status of %s: %s", post, answer.body()).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.json().path("error").isTextual()).as("JSON error for %s: %s", post, answer.body())
                    .isTrue();
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    static Stream<Post> posts() {
        Random random = new Random(SEED);
        return IntStream.range(0, TRIES).mapToObj(i -> new Post(token(random), contentType(random), body(random)));
    }

    private static String token(Random random) {
        int pick = random.nextInt(12);
        if (pick < 8) {
            return ADMIN_TOKEN;
        }
        if (pick < 10) {
            return HOHHOT_TOKEN;
        }
        return pick == 10 ? text(random, 1, 40, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") : null;
    }

    private static String contentType(Random random) {
        int pick = random.nextInt(13);
        if (pick < 5) {
            return "application/json";
        }
        if (pick < 10) {
            return "application/x-ndjson";
        }
        if (pick < 12) {
            return oneOf(random, "text/plain", "application/xml", "multipart/form-data",
                    "application/json; charset=latin1", "application/x-ndjson;charset=utf-16", "*/*",
                    "application/json;;;", "application/json; charset=\"\"", ";");
        }
        return null;
    }

    private static byte[] body(Random random) {
        List<Function<Random, byte[]>> kinds = List.of(MalformedBodyIT::randomBytes, MalformedBodyIT::truncatedEvent,
                MalformedBodyIT::wrongType, MalformedBodyIT::hugeNumber, MalformedBodyIT::nestedGarbage,
                MalformedBodyIT::ndjsonOfGarbage);
        return kinds.get(random.nextInt(kinds.size())).apply(random);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(2_001)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] truncatedEvent(Random random) {
        String event = flowEvent().toString();
        return event.substring(0, Math.min(random.nextInt(401), event.length())).getBytes(StandardCharsets.UTF_8);
    }

    /** A valid plain or flow event with one field, at the top or in the payload, replaced or removed. */
    private static byte[] wrongType(Random random) {
        String field = oneOf(random, "schemaVersion", "eventId", "city", "item", "indicator", "occurredAt", "value",
                "unit", "payload", "extra", "payload.insuredCity", "payload.amount", "payload.direct",
                "payload.dischargedAt", "payload.settledAt", "payload.extra");
        ObjectNode event = random.nextBoolean() ? flowEvent() : TestEvents.valid("hohhot");
        JsonNode value = random.nextInt(8) == 0 ? null : junkValue(random);
        ObjectNode target = event;
        String name = field;
        if (field.startsWith("payload.") && event.get("payload") instanceof ObjectNode payload) {
            target = payload;
            name = field.substring("payload.".length());
        }
        if (value == null) {
            target.remove(name);
        } else {
            target.set(name, value);
        }
        return event.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hugeNumber(Random random) {
        String number = switch (random.nextInt(3)) {
            case 0 -> oneOf(random, "1e999999", "-1e309", "1e-400", "NaN", "Infinity", "-0", "9223372036854775808",
                    "0.0000000000000000000000000000001");
            case 1 -> "9".repeat(1 + random.nextInt(3_000));
            default -> "1." + "3".repeat(1 + random.nextInt(3_000));
        };
        String field = oneOf(random, "value", "item", "schemaVersion", "payload.amount");
        boolean inPayload = field.startsWith("payload.");
        String json = (inPayload ? flowEvent() : TestEvents.valid("hohhot")).toString();
        String name = inPayload ? "amount" : field;
        return json.replaceFirst("\"" + name + "\":[^,}]+", "\"" + name + "\":" + number)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] nestedGarbage(Random random) {
        String open = oneOf(random, "[", "{\"a\":", "[{\"b\":");
        return (open.repeat(1 + random.nextInt(3_000)) + "1").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] ndjsonOfGarbage(Random random) {
        List<String> lines = new ArrayList<>();
        int count = random.nextInt(31);
        for (int i = 0; i < count; i++) {
            lines.add(switch (random.nextInt(5)) {
                case 0 -> TestEvents.valid("hohhot").toString();
                case 1 -> flowEvent().toString();
                case 2 -> text(random, 0, 80, null);
                case 3 -> junkValue(random).toString();
                default -> "";
            });
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode junkValue(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> TextNode.valueOf(text(random, 0, 60, null));
            case 1 -> IntNode.valueOf(random.nextInt());
            case 2 -> LongNode.valueOf(random.nextLong());
            case 3 -> DoubleNode.valueOf(random.nextBoolean() ? random.nextGaussian() * 1e6
                    : Double.longBitsToDouble(random.nextLong()));
            case 4 -> oneOf(random, BooleanNode.TRUE, BooleanNode.FALSE, NullNode.getInstance());
            case 5 -> TextNode.valueOf(oneOf(random, "hohhot", "ordos", "2026-13-45T99:99:99+25:00",
                    "2020-09-20T10:00:00+08:00", "medical.settlement", "pension.transfer", UUID.randomUUID().toString()));
            case 6 -> Json.mapper().createArrayNode().add(1).add("x");
            default -> Json.mapper().createObjectNode().put("nested", true);
        };
    }

    /** Random text; from {@code alphabet} if given, else any code points including controls and non-Latin ones. */
    private static String text(Random random, int minLength, int maxLength, String alphabet) {
        int length = minLength + random.nextInt(maxLength - minLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            if (alphabet != null) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            } else {
                text.appendCodePoint(random.nextInt(4) == 0 ? 0x4E00 + random.nextInt(0x5000) : random.nextInt(0x80));
            }
        }
        return text.toString();
    }

    @SafeVarargs
    private static <T> T oneOf(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static ObjectNode flowEvent() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("schemaVersion", 1);
        event.put("eventId", UUID.randomUUID().toString());
        event.put("city", "hohhot");
        event.put("item", 18);
        event.put("indicator", "medical.settlement");
        event.put("occurredAt", now.minusMinutes(1).toString());
        ObjectNode payload = event.putObject("payload");
        payload.put("insuredCity", "baotou");
        payload.put("treatmentCity", "hohhot");
        payload.put("amount", 1200.5);
        payload.put("direct", true);
        payload.put("dischargedAt", now.minusHours(2).toString());
        payload.put("settledAt", now.minusHours(1).toString());
        return event;
    }
}
