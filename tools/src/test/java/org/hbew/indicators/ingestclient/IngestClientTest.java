package org.hbew.indicators.ingestclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hbew.indicators.broker.FreePorts;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.testing.FakeIngest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngestClientTest {

    private static final String EVENT = "{\"schemaVersion\":1,\"eventId\":\"6f1c1b2e-8a5d-4d0e-9f43-2b7a9c1d0e11\","
            + "\"city\":\"ordos\",\"item\":6,\"indicator\":\"online_service_transactions\","
            + "\"occurredAt\":\"%s\",\"value\":12,\"unit\":\"count\"}";

    private final List<Duration> sleeps = new ArrayList<>();
    private FakeIngest ingest;
    private IngestClient client;

    @BeforeEach
    void startIngest() throws Exception {
        ingest = new FakeIngest(CatalogLoader.loadDefault());
        client = client(ingest.url(), new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(10)));
    }

    @AfterEach
    void stopIngest() {
        ingest.close();
    }

    @Test
    void shouldPostNdjsonWithTheBearerToken() throws Exception {
        PostResult result = client.post("secret", List.of(event(), event()));

        assertThat(result).isEqualTo(new PostResult.Accepted(2));
        assertThat(ingest.authorizations()).containsExactly("Bearer secret");
        assertThat(ingest.requestSizes()).containsExactly(2);
    }

    @Test
    void shouldRetryThrottlingAfterTheDelayIngestAsksFor() throws Exception {
        ingest.answer(429, "{\"error\":\"saturated\"}", Map.of("Retry-After", "1"))
                .answer(503, "{\"error\":\"kafka_unavailable\"}", Map.of("Retry-After", "5"));

        PostResult result = client.post("secret", List.of(event()));

        assertThat(result).isEqualTo(new PostResult.Accepted(1));
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(client.retries()).isEqualTo(2);
    }

    @Test
    void shouldGiveUpAfterTheLastAttempt() throws Exception {
        for (int i = 0; i < 4; i++) {
            ingest.answer(503, "{\"error\":\"kafka_unavailable\",\"message\":\"Kafka is down\"}", Map.of());
        }

        PostResult result = client.post("secret", List.of(event()));

        assertThat(result).isInstanceOf(PostResult.Failed.class);
        assertThat(((PostResult.Failed) result).message()).contains("503", "Kafka is down");
        assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @Test
    void shouldReturnTheProblemsOfARefusedBatch() throws Exception {
        String bad = event().replace("\"value\":12", "\"value\":12.5");

        PostResult result = client.post("secret", List.of(event(), bad));

        assertThat(result).isInstanceOf(PostResult.Refused.class);
        PostResult.Refused refused = (PostResult.Refused) result;
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problems()).extracting(EventProblem::index).containsOnly(1);
        assertThat(refused.problems().get(0).field()).isEqualTo("value");
    }

    @Test
    void shouldReportUnauthorisedAndTooLargeAsTheyAre() throws Exception {
        ingest.answer(401, "{\"error\":\"unauthorized\",\"message\":\"the bearer token is not valid\"}", Map.of())
                .answer(413, "{\"error\":\"too_many_events\",\"message\":\"at most 5000\"}", Map.of());

        assertThat(client.post("wrong", List.of(event()))).isEqualTo(
                new PostResult.Failed(401, "401 unauthorized: the bearer token is not valid"));
        assertThat(client.post("secret", List.of(event()))).isEqualTo(new PostResult.TooLarge("at most 5000"));
    }

    @Test
    void shouldRetryWhenNobodyAnswers() throws Exception {
        IngestClient nowhere = client(URI.create("http://127.0.0.1:" + FreePorts.one()),
                new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1)));

        PostResult result = nowhere.post("secret", List.of(event()));

        assertThat(result).isInstanceOf(PostResult.Failed.class);
        assertThat(((PostResult.Failed) result).status()).isEqualTo(PostResult.Failed.NO_ANSWER);
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void shouldReadRetryAfterInSecondsAndAsADate() {
        Instant now = Instant.parse("2026-03-02T10:00:00Z");

        assertThat(RetryAfter.parse("7", now)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("Mon, 02 Mar 2026 10:00:30 GMT", now)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("soon", now)).isEmpty();
        assertThat(RetryAfter.parse(null, now)).isEmpty();
    }

    @Test
    void shouldAddTheEventsPathToTheBaseUrl() {
        assertThat(IngestClient.eventsUri(URI.create("http://h:8080"))).hasToString("http://h:8080/v1/events");
        assertThat(IngestClient.eventsUri(URI.create("http://h:8080/"))).hasToString("http://h:8080/v1/events");
        assertThat(IngestClient.eventsUri(URI.create("http://h:8080/v1/events"))).hasToString("http://h:8080/v1/events");
    }

    private IngestClient client(URI url, RetryPolicy retry) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new IngestClient(url, http, Duration.ofSeconds(10), retry, sleeps::add, Clock.systemUTC());
    }

    private static String event() {
        return String.format(EVENT, java.time.OffsetDateTime.now().withNano(0));
    }
}
