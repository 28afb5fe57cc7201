package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hbew.indicators.catalog.Flow;

/**
 * A seeded generator of requests to every GET route of the query API, public and internal: each path segment
 * and query parameter valid, at a boundary (the ends of int, long and Instant, the edges of the catalog and of
 * the supported years) or random text (controls, CJK, emoji, '%', '&', '+'), left out or given twice, sent
 * percent-encoded or raw. About half of the values are valid, so that requests also get past the checks and
 * read the stores.
 *
 * <p>A property test in plain JUnit, as {@code MalformedBodyIT} in ingest: the same seed
 * ({@code -Dhbew.fuzz.seed}) gives the same requests, so a failure names its case and repeats.
 */
final class HostileQueries {

    static final long SEED = Long.getLong("hbew.fuzz.seed", 20_261_127L);

    /** Every parameter a route reads, so that an answer's message can be checked to name one of them. */
    static final List<String> PARAMETERS = List.of("item", "city", "window", "from", "to", "flow", "at",
            "partitions", "partition", "first", "last", "start", "stale");

    /** One generated request, by the route it was made for. */
    record Request(String route, String target) {
        @Override
        public String toString() {
            return target.length() > 200 ? target.substring(0, 200) + "... (" + target.length() + " chars)" : target;
        }
    }

    private record Route(String name, Function<HostileQueries, String> target) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("/v1/status", q -> "/v1/status" + q.query()),
            new Route("/v1/items", q -> "/v1/items" + q.query()),
            new Route("/v1/accounting", q -> "/v1/accounting" + q.query()),
            new Route("/v1/items/{item}", q -> "/v1/items/" + q.segment(q.item()) + q.query()),
            new Route("/v1/items/{item}/cities/{city}", q -> "/v1/items/" + q.segment(q.item()) + "/cities/"
                    + q.segment(q.city()) + q.query("window", q.window(), "from", q.instant(), "to", q.instant())),
            new Route("/v1/flows", q -> "/v1/flows" + q.query("flow", q.flow(), "window", q.window(),
                    "at", q.instant())),
            new Route(InternalRoutes.STATUS, q -> InternalRoutes.STATUS + q.query("partitions", q.partitions(),
                    "stale", q.stale())),
            new Route(InternalRoutes.ACCOUNTING, q -> InternalRoutes.ACCOUNTING + q.query("partitions",
                    q.partitions(), "stale", q.stale())),
            new Route(InternalRoutes.CITY_HISTORY, q -> InternalRoutes.CITY_HISTORY + q.query("item", q.item(),
                    "city", q.city(), "window", q.window(), "first", q.millis(), "last", q.millis(),
                    "partition", q.partition(), "stale", q.stale())),
            new Route(InternalRoutes.REGION, q -> InternalRoutes.REGION + q.query("item", q.item(),
                    "window", q.window(), "start", q.millis(), "partition", q.partition(), "stale", q.stale())),
            new Route("/healthz", q -> "/healthz" + q.query()),
            new Route("/readyz", q -> "/readyz" + q.query()),
            new Route("/metrics", q -> "/metrics" + q.query()),
            new Route("/", q -> "/" + q.query()));

    private static final String SPECIALS = "%&=+#?/\\;,.:'\"<>[]{}|^`~ ";

    private final Random random;
    private final Instant now;
    private final int partitionCount;

    private HostileQueries(long seed, Instant now, int partitionCount) {
        this.random = new Random(seed);
        this.now = now;
        this.partitionCount = partitionCount;
    }

    /**
     * {@code count} requests, every route in turn so each gets its share.
     *
     * @param now            the time valid instants are drawn around, so that valid ranges fall near the data
     * @param partitionCount the partitions of hbew.events.raw, so that valid partitions exist
     */
    static Stream<Request> requests(long seed, int count, Instant now, int partitionCount) {
        HostileQueries queries = new HostileQueries(seed, now, partitionCount);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Route route = ROUTES.get(i % ROUTES.size());
            requests.add(new Request(route.name(), route.target().apply(queries)));
        }
        return requests.stream();
    }

    /** The route names, to check every one was asked. */
    static List<String> routes() {
        return ROUTES.stream().map(Route::name).toList();
    }

    private String item() {
        return pick(() -> Integer.toString(1 + random.nextInt(22)),
                () -> oneOf("0", "23", "-1", "2147483647", "2147483648", "99999999999", "9223372036854775808",
                        "", "+2", "\u0662", "1.5", "1e1", " 2", "02", "0x10"));
    }

    private String city() {
        return pick(() -> oneOf("hohhot", "baotou", "ordos", "ulanqab"),
                () -> oneOf("Ordos", "ORDOS", "", "ordos ", "paris", "..", "\u9102\u5c14\u591a\u65af", "null"));
    }

    private String window() {
        return pick(() -> oneOf("1h", "1d"),
                () -> oneOf("zz", "15m", "0h", "", "1H", "99999999999999999999d", "-1h", "1h\u0000"));
    }

    private String flow() {
        return pick(() -> oneOf(Flow.values()).code(), () -> oneOf("tourism", "", "MEDICAL.SETTLEMENT", "medical"));
    }

    private String instant() {
        return pick(() -> {
            Instant at = now.plus(random.nextInt(24 * 60) - 20 * 60, ChronoUnit.MINUTES);
            return random.nextBoolean() ? at.toString() : at.atOffset(ZoneOffset.ofHours(8)).toString();
        }, () -> oneOf("-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-290000000-01-01T00:00:00Z",
                "+290000000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "1970-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999Z", "-0001-12-31T23:59:59Z",
                "2026-02-30T00:00:00Z", "2026-11-27T10:00:00+18:00", "2026-11-27T10:00:00-18:00",
                "2026-11-27T10:00:00+25:00", "2026-11-27T10:00:00", "2026-11-27", "", "now"));
    }

    private String millis() {
        return pick(() -> Long.toString(now.toEpochMilli() - random.nextInt(48) * 3_600_000L),
                () -> oneOf(Long.toString(Long.MIN_VALUE), Long.toString(Long.MAX_VALUE), "0", "-1",
                        Long.toString(QueryParams.EARLIEST.toEpochMilli()),
                        Long.toString(QueryParams.EARLIEST.toEpochMilli() - 1),
                        Long.toString(QueryParams.LATEST.toEpochMilli()),
                        Long.toString(QueryParams.LATEST.toEpochMilli() + 1), "99999999999999999999", "1e3", "",
                        Long.toString(random.nextLong())));
    }

    private String partition() {
        return pick(() -> Integer.toString(random.nextInt(partitionCount)),
                () -> oneOf(Integer.toString(partitionCount), "-1", "2147483647", "2147483648", "99999999999", "",
                        "0x0", "\u0660"));
    }

    private String partitions() {
        return pick(() -> String.join(",", IntStream.range(0, 1 + random.nextInt(partitionCount))
                        .mapToObj(i -> Integer.toString(random.nextInt(partitionCount))).toList()),
                () -> oneOf("0,,1", ",", "", "0,1,2,3," + partitionCount, "99999999999", "-1", "0, 1",
                        String.join(",", Collections.nCopies(500, "0"))));
    }

    private String stale() {
        return pick(() -> oneOf("true", "false"), () -> oneOf("yes", "", "TRUE", "1"));
    }

    /** Half valid, a quarter boundary values, a quarter random text. */
    private String pick(Supplier<String> valid, Supplier<String> boundary) {
        int roll = random.nextInt(4);
        if (roll < 2) {
            return valid.get();
        }
        return roll == 2 ? boundary.get() : text();
    }

    /** Random text: mostly short, sometimes long enough to test what a message echoes. */
    private String text() {
        int length = random.nextInt(20) == 0 ? 1_000 + random.nextInt(2_000) : random.nextInt(30);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) random.nextInt(0x20));
                case 1 -> text.append((char) (0x4E00 + random.nextInt(0x5000)));
                case 2 -> text.appendCodePoint(0x1F600 + random.nextInt(0x50));
                case 3 -> text.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
                default -> text.append((char) (0x21 + random.nextInt(0x5E)));
            }
        }
        return text.toString();
    }

    /** A query string of the parameters given as name, value pairs: each maybe left out, given twice, or raw. */
    private String query(String... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            int roll = random.nextInt(20);
            if (roll == 0) {
                continue;
            }
            parts.add(pairs[i] + "=" + value(pairs[i + 1]));
            if (roll == 1) {
                parts.add(pairs[i] + "=" + value(pairs[i + 1]));
            }
        }
        if (random.nextInt(8) == 0) {
            parts.add(value(text()) + "=" + value(text()));
        }
        if (parts.isEmpty()) {
            return "";
        }
        Collections.shuffle(parts, random);
        return "?" + String.join("&", parts);
    }

    private String query() {
        return query(new String[0]);
    }

    /** A query value percent-encoded as a form would, or (one time in five) raw but for what ends a request line. */
    private String value(String raw) {
        if (random.nextInt(5) != 0) {
            return URLEncoder.encode(raw, StandardCharsets.UTF_8);
        }
        return framingSafe(raw);
    }

    /** A path segment percent-encoded, or raw in the same way as a value. */
    private String segment(String raw) {
        if (random.nextInt(5) != 0) {
            return URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
        }
        return framingSafe(raw);
    }

    /** Encodes only what would end or split the request line (controls, space, DEL, '#'), leaving '%', '&', '+'. */
    private static String framingSafe(String raw) {
        StringBuilder safe = new StringBuilder();
        raw.codePoints().forEach(c -> {
            if (c < 0x21 || c == 0x7F || c == '#') {
                safe.append(String.format("%%%02X", c));
            } else {
                safe.appendCodePoint(c);
            }
        });
        return safe.toString();
    }

    /**
     * The property: no fault of the server (5xx), except a 503 with Retry-After where {@code unavailable} allows it
     * (stores that cannot be read now); every refusal a JSON {@code {error, message}} without a stack trace, and a
     * refused parameter named at the start of the message.
     */
    static void assertAnsweredWithoutFault(Request request, RawHttp.Answer answer, boolean unavailable) {
        String what = "answer to " + request + ": " + answer.status() + " " + answer.body();
        if (answer.status() == 503 && unavailable) {
            assertThat(answer.header("Retry-After")).as(what).isPresent();
            assertThat(answer.json().path("error").asText()).as(what).isIn("unavailable", "not_ready");
        } else {
            assertThat(answer.status()).as(what).isBetween(200, 499);
        }
        if (answer.status() >= 400) {
            assertThat(answer.header("Content-Type")).as(what).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/json"));
            JsonNode body = answer.json();
            assertThat(body.fieldNames()).toIterable().as(what).containsExactly("error", "message");
            assertThat(body.get("message").isTextual()).as(what).isTrue();
            assertThat(answer.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
            if (body.get("error").asText().equals("invalid_parameter")) {
                assertThat(PARAMETERS).as(what).anyMatch(p -> body.get("message").asText().startsWith(p + ": "));
            }
        }
    }

    @SafeVarargs
    private <T> T oneOf(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
