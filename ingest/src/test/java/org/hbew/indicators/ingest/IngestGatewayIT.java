package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.json.JsonSerde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Every answer of the gateway, each checked for its status and its JSON body, against a real broker; and one
 * gateway against an unreachable cluster for 429, 503 and an unready {@code /readyz}.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class IngestGatewayIT {

    private static final String HOHHOT_TOKEN = "hohhot-token-for-tests";
    private static final String ADMIN_TOKEN = "admin-token-for-tests";
    private static final TokenStore TOKENS = TokenStore.of(Map.of("hohhot", HOHHOT_TOKEN, "admin", ADMIN_TOKEN));
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_EVENTS = 50;
    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";
    private static final Catalog CATALOG = CatalogLoader.loadDefault();

    private static TestKafka kafka;
    private static IngestGateway gateway;
    private static HttpTestClient http;

    @BeforeAll
    static void start() {
        kafka = TestKafka.start();
        gateway = new IngestGateway(IngestConfig.builder(kafka.bootstrapServers(), TOKENS)
                .host("127.0.0.1")
                .port(0)
                .maxBodyBytes(MAX_BODY_BYTES)
                .maxEventsPerRequest(MAX_EVENTS)
                .build(), CATALOG);
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

    @Test
    void shouldAnswer202WithTheEventIdsAndHaveEveryEventOnTheRawTopic() {
        List<ObjectNode> events = List.of(TestEvents.valid("hohhot"), TestEvents.valid("hohhot"));

        HttpTestClient.Answer answer = http.post(HOHHOT_TOKEN, JSON, TestEvents.array(events));

        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(texts(answer.json().get("eventIds")))
                .containsExactly(events.get(0).get("eventId").asText(), events.get(1).get("eventId").asText());
        Map<UUID, ConsumerRecord<String, byte[]>> onTopic = rawRecordsById();
        for (ObjectNode event : events) {
            ConsumerRecord<String, byte[]> record = onTopic.get(UUID.fromString(event.get("eventId").asText()));
            assertThat(record).as("event %s on hbew.events.raw", event.get("eventId")).isNotNull();
            EventEnvelope written = JsonSerde.of(EventEnvelope.class).fromBytes(record.value());
            assertThat(record.key()).isEqualTo("14:hohhot");
            assertThat(record.timestamp()).isEqualTo(written.occurredAtMillis());
            assertThat(written.city()).isEqualTo("hohhot");
        }
    }

    @Test
    void shouldAcceptASingleObjectAndNdjsonAndLetAdminWriteAnyCity() {
        HttpTestClient.Answer single = http.post(HOHHOT_TOKEN, JSON + "; charset=utf-8",
                TestEvents.valid("hohhot").toString());
        HttpTestClient.Answer lines = http.post(ADMIN_TOKEN, NDJSON,
                TestEvents.ndjson(List.of(TestEvents.valid("baotou"), TestEvents.valid("ordos"))) + "\n\n");

        assertThat(single.status()).isEqualTo(202);
        assertThat(single.json().get("accepted").asInt()).isEqualTo(1);
        assertThat(lines.status()).isEqualTo(202);
        assertThat(lines.json().get("accepted").asInt()).isEqualTo(2);
    }

    @Test
    void shouldAnswer400ListingEveryProblemOfEveryEventAndWriteNothing() {
        ObjectNode valid = TestEvents.valid("hohhot");
        ObjectNode wrongUnit = TestEvents.valid("hohhot").put("unit", "km");
        ObjectNode wrongItemAndTime = TestEvents.valid("hohhot").put("item", 23).put("occurredAt", "yesterday");
        String body = valid + "\n" + wrongUnit + "\n\n{\"city\": \"hohhot\",\n" + wrongItemAndTime + "\n";

        HttpTestClient.Answer answer = http.post(HOHHOT_TOKEN, NDJSON, body);

        assertThat(answer.status()).isEqualTo(400);
        JsonNode json = answer.json();
        assertThat(json.get("error").asText()).isEqualTo("invalid_events");
        assertThat(json.get("message").asText()).isEqualTo("3 events are invalid, so none was accepted");
        List<String> problems = StreamSupport.stream(json.get("problems").spliterator(), false)
                .map(p -> p.get("index").asInt() + ":" + p.get("field").asText())
                .toList();
        assertThat(problems).containsExactly("1:unit", "3:", "4:item", "4:occurredAt");
        assertThat(json.get("problems").get(1).get("message").asText()).startsWith("line 4 is not valid JSON");
        assertThat(rawRecordsById()).doesNotContainKey(UUID.fromString(valid.get("eventId").asText()));
    }

    @Test
    void shouldAnswer400ToABodyThatIsNotJsonAtAll() {
        HttpTestClient.Answer answer = http.post(HOHHOT_TOKEN, JSON, "[{\"city\": \"hohhot\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asText()).isEqualTo("malformed_json");
        assertThat(answer.json().get("message").asText()).startsWith("the body is not valid JSON");
        assertThat(answer.json().has("problems")).isFalse();
    }

    @Test
    void shouldAnswer401WithoutOrWithAWrongToken() {
        String body = TestEvents.valid("hohhot").toString();

        HttpTestClient.Answer missing = http.post(null, JSON, body);
        HttpTestClient.Answer wrong = http.post("not-a-token", JSON, body);

        for (HttpTestClient.Answer answer : List.of(missing, wrong)) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(answer.json().get("error").asText()).isEqualTo("unauthorized");
        }
        assertThat(missing.json().get("message").asText()).contains("bearer token is required");
        assertThat(wrong.json().get("message").asText()).isEqualTo("the bearer token is not valid");
    }

    @Test
    void shouldAnswer403NamingTheEventOfAnotherCity() {
        String body = TestEvents.array(List.of(TestEvents.valid("hohhot"), TestEvents.valid("baotou")));

        HttpTestClient.Answer answer = http.post(HOHHOT_TOKEN, JSON, body);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().get("error").asText()).isEqualTo("forbidden");
        assertThat(answer.json().get("problems")).hasSize(1);
        assertThat(answer.json().get("problems").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(answer.json().get("problems").get(0).get("field").asText()).isEqualTo("city");
    }

    @Test
    void shouldAnswer413ToABodyTooLargeDeclaredOrChunked() throws Exception {
        String large = " ".repeat(MAX_BODY_BYTES) + TestEvents.valid("hohhot");

        // Declared: only the head is sent, with a Content-Length above the limit. The gateway must answer without
        // reading a byte of the body; a client writing the body meanwhile could see the connection closed under
        // it instead of the answer, which is HTTP's way and not what this test is about.
        String declared = rawRequest("POST /v1/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + HOHHOT_TOKEN
                + "\r\nContent-Type: " + JSON + "\r\nContent-Length: " + large.length() + "\r\nConnection: close\r\n\r\n");
        // Chunked: the gateway has to read up to the limit to know. A client of its own, so that no connection
        // an earlier test left in the pool is reused.
        HttpTestClient fresh = new HttpTestClient(gateway.port());
        HttpTestClient.Answer chunked = fresh.send(fresh.postRequest(HOHHOT_TOKEN, JSON,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        large.getBytes(StandardCharsets.UTF_8)))));

        assertThat(declared).startsWith("HTTP/1.1 413 ");
        assertThat(Json.mapper().readTree(declared.substring(declared.indexOf("\r\n\r\n") + 4)).get("error").asText())
                .isEqualTo("body_too_large");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.json().get("error").asText()).isEqualTo("body_too_large");
    }

    @Test
    void shouldAnswer413ToTooManyEvents() {
        List<ObjectNode> events = IntStream.rangeClosed(0, MAX_EVENTS).mapToObj(i -> TestEvents.valid("hohhot")).toList();

        HttpTestClient.Answer answer = http.post(HOHHOT_TOKEN, NDJSON, TestEvents.ndjson(events));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.json().get("error").asText()).isEqualTo("too_many_events");
        assertThat(answer.json().get("message").asText()).contains(Integer.toString(MAX_EVENTS));
    }

    @Test
    void shouldAnswer415ToOtherContentTypes() {
        String body = TestEvents.valid("hohhot").toString();

        for (String contentType : new String[] {"text/plain", "application/xml", null}) {
            HttpTestClient.Answer answer = http.post(HOHHOT_TOKEN, contentType, body);

            assertThat(answer.status()).as(String.valueOf(contentType)).isEqualTo(415);
            assertThat(answer.json().get("error").asText()).isEqualTo("unsupported_media_type");
        }
    }

    @Test
    void shouldAnswerUnknownPathsMethodsAndUnparseableRequestsInJson() throws Exception {
        HttpTestClient.Answer notFound = http.get("/v1/nothing");
        HttpTestClient.Answer wrongMethod = http.get("/v1/events");
        String badRequest = rawRequest("GET /healthz HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n");

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.json().get("error").asText()).isEqualTo("not_found");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("error").asText()).isEqualTo("method_not_allowed");
        assertThat(badRequest).startsWith("HTTP/1.1 400").contains("application/json").contains("\"error\":\"bad_request\"");
    }

    @Test
    void shouldServeHealthReadinessAndMetrics() {
        HttpTestClient.Answer health = http.get("/healthz");
        HttpTestClient.Answer ready = http.get("/readyz");
        http.post(HOHHOT_TOKEN, JSON, TestEvents.valid("hohhot").toString());
        HttpTestClient.Answer metrics = http.get("/metrics");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("alive");
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("status").asText()).isEqualTo("ready");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.header("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body())
                .contains("hbew_ingest_events_total{city=\"ulanqab\",result=\"throttled\"} 0.0")
                .containsPattern("hbew_ingest_events_total\\{city=\"hohhot\",result=\"accepted\"} [1-9]")
                .contains("hbew_ingest_request_seconds_bucket{status=\"202\",le=\"0.1\"}")
                .contains("hbew_ingest_in_flight_events")
                .contains("kafka_producer_record_send_total")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_gc_")
                .contains("process_uptime_seconds");
    }

    @Test
    void shouldAnswer429WhenSaturatedAnd503WhenKafkaIsUnreachable() {
        IngestConfig config = IngestConfig.builder(TestKafka.unreachableBootstrapServers(), TOKENS)
                .host("127.0.0.1")
                .port(0)
                .maxBodyBytes(MAX_BODY_BYTES)
                .maxEventsPerRequest(3)
                .maxInFlightEvents(3)
                .producerOverrides(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000"))
                .sendTimeout(Duration.ofSeconds(5))
                .build();
        try (IngestGateway unreachable = new IngestGateway(config, CATALOG)) {
            unreachable.start();
            HttpTestClient client = new HttpTestClient(unreachable.port());
            List<ObjectNode> three = List.of(TestEvents.valid("hohhot"), TestEvents.valid("hohhot"),
                    TestEvents.valid("hohhot"));

            CompletableFuture<HttpTestClient.Answer> holding = client.postAsync(HOHHOT_TOKEN, NDJSON,
                    TestEvents.ndjson(three));
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> client.get("/metrics").body().contains("hbew_ingest_in_flight_events 3.0"));
            HttpTestClient.Answer throttled = client.post(HOHHOT_TOKEN, JSON, TestEvents.valid("hohhot").toString());
            HttpTestClient.Answer unavailable = holding.join();
            HttpTestClient.Answer notReady = client.get("/readyz");

            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).contains("1");
            assertThat(throttled.json().get("error").asText()).isEqualTo("saturated");
            assertThat(unavailable.status()).isEqualTo(503);
            assertThat(unavailable.header("Retry-After")).contains("5");
            assertThat(unavailable.json().get("error").asText()).isEqualTo("kafka_unavailable");
            assertThat(unavailable.json().get("message").asText()).contains("same eventIds");
            assertThat(notReady.status()).isEqualTo(503);
            assertThat(notReady.json().get("error").asText()).isEqualTo("not_ready");
            assertThat(client.get("/healthz").status()).isEqualTo(200);
            assertThat(client.get("/metrics").body())
                    .contains("hbew_ingest_events_total{city=\"hohhot\",result=\"throttled\"} 1.0")
                    .contains("hbew_ingest_events_total{city=\"hohhot\",result=\"unavailable\"} 3.0");
        }
    }

    @Test
    void shouldAnswerTheRequestsInFlightBeforeClosing() {
        IngestConfig config = IngestConfig.builder(TestKafka.unreachableBootstrapServers(), TOKENS)
                .host("127.0.0.1")
                .port(0)
                .producerOverrides(Map.of(ProducerConfig.MAX_BLOCK_MS_CONFIG, "3000"))
                .sendTimeout(Duration.ofSeconds(5))
                .build();
        IngestGateway closing = new IngestGateway(config, CATALOG);
        closing.start();
        HttpTestClient client = new HttpTestClient(closing.port());

        CompletableFuture<HttpTestClient.Answer> inFlight = client.postAsync(HOHHOT_TOKEN, JSON,
                TestEvents.valid("hohhot").toString());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> client.get("/metrics").body().contains("hbew_ingest_in_flight_events 1.0"));
        closing.close();

        assertThat(inFlight).succeedsWithin(Duration.ofSeconds(5))
                .satisfies(answer -> assertThat(answer.status()).isEqualTo(503));
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static Map<UUID, ConsumerRecord<String, byte[]>> rawRecordsById() {
        return kafka.readRaw().stream().collect(Collectors.toMap(
                r -> JsonSerde.of(EventEnvelope.class).fromBytes(r.value()).eventId(), r -> r, (a, b) -> a));
    }

    private static String rawRequest(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
