package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * The hostile ingest corpus, {@code hostile/ingest-cases.json}: requests an attacker or a careless sender would
 * make (ambiguous JSON, other encodings, bombs, huge values, odd headers, framing tricks, auth edge cases), each
 * with the answer it must get. Each is sent byte for byte on a raw socket to a real gateway on a real broker,
 * after a valid event of one of the cities; at the end every valid event, and every event of a case expected to
 * be accepted, is on {@code hbew.events.raw}, and no event of a refused case is.
 *
 * <p>A case: {@code name}; {@code method} (POST) and {@code path} (/v1/events); {@code token} (a principal, hohhot
 * by default, null for none) or {@code authorization} (the header values, in order); {@code contentType}
 * (application/json by default, null for none); {@code headers} (more, a value or a list of values);
 * {@code body} (text) or {@code bodyParts} (a list of {@code text} or {@code hex} pieces); {@code charset} to
 * encode the text in (UTF-8); {@code gzip}; {@code chunked}; {@code headOnly} (declare the body, send none);
 * {@code raw}, a whole request verbatim instead; {@code repeat} ({@code text} × {@code times}) for
 * {@code ${repeat}}. Text may hold {@code ${uuid:x}} (a fresh UUID per case and label), {@code ${now}} and
 * {@code ${token:principal}}. {@code expect}: {@code status}, and optionally {@code error} (the code) and
 * {@code contains} (a fragment of the answer body); {@code maxAnswerBytes} and {@code problemCountAtLeast}.
 * Every answer is checked to be small, and every refusal to be a JSON error without a stack trace.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HostileIngestCorpusIT {

    private static final String CORPUS = "/hostile/ingest-cases.json";
    private static final List<String> PRINCIPALS = List.of("hohhot", "baotou", "ordos", "ulanqab", "admin");
    /** No answer of the gateway, to anything, is larger than this. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(uuid|token):([a-z0-9]+)}|\\$\\{now}");

    private static TestKafka kafka;
    private static IngestGateway gateway;
    private static HttpTestClient http;

    private static final Set<UUID> mustBeOnTopic = new HashSet<>();
    private static final Set<UUID> mustNotBeOnTopic = new HashSet<>();

    @BeforeAll
    static void start() {
        kafka = TestKafka.start();
        Map<String, String> tokens = new HashMap<>();
        PRINCIPALS.forEach(p -> tokens.put(p, token(p)));
        gateway = new IngestGateway(IngestConfig.builder(kafka.bootstrapServers(), TokenStore.of(tokens))
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

    @TestFactory
    Stream<DynamicTest> shouldAnswerEveryHostileInputAsExpectedAndLoseNoEventAroundThem() throws IOException {
        List<JsonNode> cases = new ArrayList<>();
        try (InputStream in = HostileIngestCorpusIT.class.getResourceAsStream(CORPUS)) {
            Json.mapper().readTree(in).forEach(cases::add);
        }
        assertThat(cases).as("cases in the corpus").hasSizeGreaterThanOrEqualTo(40);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            JsonNode c = cases.get(i);
            String goodCity = PRINCIPALS.get(i % 4);
            tests.add(dynamicTest(i + ": " + c.get("name").asText(), () -> {
                postValidEvent(goodCity);
                run(c);
            }));
        }
        tests.add(dynamicTest("every valid event around the corpus is on hbew.events.raw, no refused one is",
                HostileIngestCorpusIT::checkRawTopic));
        return tests.stream();
    }

    private static void postValidEvent(String city) {
        UUID id = UUID.randomUUID();
        HttpTestClient.Answer answer = http.post(token(city), "application/json", TestEvents.valid(city, id).toString());
        assertThat(answer.status()).as("the valid event before the case: %s", answer.body()).isEqualTo(202);
        mustBeOnTopic.add(id);
    }

    private static void run(JsonNode c) throws Exception {
        Map<String, UUID> uuids = new HashMap<>();
        Answer answer = send(c, uuids);
        JsonNode expect = c.get("expect");
        int status = expect.get("status").asInt();

        assertThat(answer.status()).as("status; answer: %s", answer.head() + answer.body()).isEqualTo(status);
        assertThat(answer.bodyBytes()).as("answer size").isLessThanOrEqualTo(
                c.has("maxAnswerBytes") ? c.get("maxAnswerBytes").asInt() : MAX_ANSWER_BYTES);
        if (status >= 400) {
            JsonNode json = Json.mapper().readTree(answer.body());
            assertThat(json.path("error").isTextual()).as("a JSON error: %s", answer.body()).isTrue();
            assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        }
        if (expect.has("error")) {
            assertThat(Json.mapper().readTree(answer.body()).get("error").asText()).isEqualTo(expect.get("error").asText());
        }
        if (expect.has("contains")) {
            assertThat(answer.body()).contains(expect.get("contains").asText());
        }
        if (c.has("problemCountAtLeast")) {
            JsonNode json = Json.mapper().readTree(answer.body());
            assertThat(json.get("problemCount").asInt()).isGreaterThanOrEqualTo(c.get("problemCountAtLeast").asInt());
            assertThat(json.get("problems").size()).isLessThanOrEqualTo(100);
        }
        if (status == 202) {
            mustBeOnTopic.addAll(uuids.values());
            assertThat(Json.mapper().readTree(answer.body()).get("accepted").asInt()).isPositive();
        } else {
            mustNotBeOnTopic.addAll(uuids.values());
        }
    }

    /** Reads only the eventIds, so that whatever a wrongly accepted record holds, it is found and named. */
    private static void checkRawTopic() throws IOException {
        Set<UUID> onTopic = new HashSet<>();
        for (ConsumerRecord<String, byte[]> record : kafka.readRaw()) {
            onTopic.add(UUID.fromString(Json.mapper().readTree(record.value()).get("eventId").asText()));
        }

        assertThat(mustBeOnTopic).hasSizeGreaterThan(40);
        assertThat(onTopic).containsAll(mustBeOnTopic);
        assertThat(onTopic).doesNotContainAnyElementsOf(mustNotBeOnTopic);
    }

    // ---- building and sending a case

    private static Answer send(JsonNode c, Map<String, UUID> uuids) throws IOException {
        String repeat = c.has("repeat") ? c.get("repeat").get("text").asText().repeat(c.get("repeat").get("times").asInt()) : "";
        byte[] head;
        byte[] body;
        boolean chunked = c.path("chunked").asBoolean();
        if (c.has("raw")) {
            head = expand(c.get("raw").asText(), uuids, repeat).getBytes(StandardCharsets.ISO_8859_1);
            body = new byte[0];
        } else {
            body = body(c, uuids, repeat);
            head = head(c, uuids, repeat, body.length, chunked);
            if (chunked) {
                body = chunk(body);
            } else if (c.path("headOnly").asBoolean()) {
                body = new byte[0];
            }
        }
        return exchange(head, body);
    }

    private static byte[] body(JsonNode c, Map<String, UUID> uuids, String repeat) throws IOException {
        Charset charset = c.has("charset") ? Charset.forName(c.get("charset").asText()) : StandardCharsets.UTF_8;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (c.has("bodyParts")) {
            for (JsonNode part : c.get("bodyParts")) {
                bytes.writeBytes(part.has("hex") ? HexFormat.of().parseHex(part.get("hex").asText())
                        : expand(part.get("text").asText(), uuids, repeat).getBytes(charset));
            }
        } else {
            bytes.writeBytes(expand(c.path("body").asText(), uuids, repeat).getBytes(charset));
        }
        if (!c.path("gzip").asBoolean()) {
            return bytes.toByteArray();
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(zipped)) {
            bytes.writeTo(zip);
        }
        return zipped.toByteArray();
    }

    private static byte[] head(JsonNode c, Map<String, UUID> uuids, String repeat, int length, boolean chunked) {
        StringBuilder head = new StringBuilder()
                .append(c.path("method").asText("POST")).append(' ').append(c.path("path").asText("/v1/events"))
                .append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if (c.has("authorization")) {
            c.get("authorization").forEach(v -> header(head, "Authorization", expand(v.asText(), uuids, repeat)));
        } else if (!c.has("token") || !c.get("token").isNull()) {
            header(head, "Authorization", "Bearer " + token(c.path("token").asText("hohhot")));
        }
        if (!c.has("contentType")) {
            header(head, "Content-Type", "application/json");
        } else if (!c.get("contentType").isNull()) {
            header(head, "Content-Type", c.get("contentType").asText());
        }
        c.path("headers").properties().forEach(h -> {
            List<JsonNode> values = new ArrayList<>();
            if (h.getValue().isArray()) {
                h.getValue().forEach(values::add);
            } else {
                values.add(h.getValue());
            }
            values.forEach(v -> header(head, h.getKey(), v.asText()));
        });
        header(head, chunked ? "Transfer-Encoding" : "Content-Length", chunked ? "chunked" : Integer.toString(length));
        return head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void header(StringBuilder head, String name, String value) {
        head.append(name).append(": ").append(value).append("\r\n");
    }

    private static byte[] chunk(byte[] body) {
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        int size = 64 * 1024;
        for (int offset = 0; offset < body.length; offset += size) {
            int length = Math.min(size, body.length - offset);
            chunked.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(body, offset, length);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return chunked.toByteArray();
    }

    private static String expand(String text, Map<String, UUID> uuids, String repeat) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1) == null) {
                value = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
            } else if (m.group(1).equals("uuid")) {
                value = uuids.computeIfAbsent(m.group(2), label -> UUID.randomUUID()).toString();
            } else {
                value = token(m.group(2));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString().replace("${repeat}", repeat);
    }

    private static String token(String principal) {
        return principal + "-token-for-tests";
    }

    /**
     * Sends the head, then the body from another thread while this one reads the answer: the gateway may answer
     * (413, 415, 429) before it has read the body, and the answer must be read before the connection is reset.
     */
    private static Answer exchange(byte[] head, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // The gateway answered and closed before taking the whole body; the answer is what counts.
                }
            }, "corpus-body-writer");
            writer.setDaemon(true);
            writer.start();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (IOException e) {
                if (received.size() == 0) {
                    throw new UncheckedIOException("no answer", e);
                }
            }
            return Answer.parse(received.toByteArray());
        }
    }

    /** An HTTP/1.1 answer as received: status, head, and the body (de-chunked). */
    record Answer(int status, String head, String body, int bodyBytes) {

        static Answer parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            assertThat(end).as("an HTTP answer: %s", text).isPositive();
            String head = text.substring(0, end + 4);
            byte[] body = Arrays.copyOfRange(bytes, end + 4, bytes.length);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Answer(Integer.parseInt(head.substring(9, 12)), head, new String(body, StandardCharsets.UTF_8),
                    body.length);
        }

        private static byte[] dechunk(byte[] chunked) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int i = 0;
            while (i < chunked.length) {
                int lineEnd = indexOfCrlf(chunked, i);
                int size = Integer.parseInt(new String(chunked, i, lineEnd - i, StandardCharsets.US_ASCII).split(";")[0].strip(), 16);
                if (size == 0) {
                    break;
                }
                body.write(chunked, lineEnd + 2, size);
                i = lineEnd + 2 + size + 2;
            }
            return body.toByteArray();
        }

        private static int indexOfCrlf(byte[] bytes, int from) {
            for (int i = from; i + 1 < bytes.length; i++) {
                if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                    return i;
                }
            }
            return bytes.length;
        }
    }
}
