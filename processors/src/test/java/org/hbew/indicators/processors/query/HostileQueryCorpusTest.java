package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of hostile query inputs, {@value #CORPUS}: each request target (public routes and
 * {@code /v1/internal/*}, sent byte for byte over a socket) with the status it must get and the parameter the
 * message must start with. Every one is refused before any store is read, so a server over a Kafka Streams
 * that never started answers exactly as a running one would. Each is also logged at most one line, without a
 * stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileQueryCorpusTest {

    static final String CORPUS = "query/hostile-queries.json";
    /** More than any message needs: a message shows at most the start of a value. */
    private static final int MAX_MESSAGE_LENGTH = 300;

    /** One hostile request: what to send, the status and the parameter the message names, and why it is here. */
    record Case(String target, int status, String names, String why) {
        @Override
        public String toString() {
            return target.length() > 120 ? target.substring(0, 120) + "..." : target;
        }
    }

    private UnstartedQueryServer server;
    private RawHttp http;
    private CapturedLog log;

    @BeforeAll
    void startServer() {
        server = new UnstartedQueryServer();
        http = new RawHttp(server.port());
        log = CapturedLog.ofThreads(UnstartedQueryServer.HTTP_THREADS);
    }

    @AfterAll
    void stopServer() {
        log.close();
        server.close();
    }

    static List<Case> corpus() {
        try (InputStream in = HostileQueryCorpusTest.class.getClassLoader().getResourceAsStream(CORPUS)) {
            if (in == null) {
                throw new IllegalStateException(CORPUS + " is not on the test classpath");
            }
            return Json.mapper().readValue(in, new TypeReference<List<Case>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void shouldHoldAtLeastTwentyCasesCoveringEveryRoute() {
        List<Case> corpus = corpus();

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(20);
        assertThat(corpus).extracting(Case::target).anyMatch(t -> t.startsWith("/v1/items/2/cities/"))
                .anyMatch(t -> t.matches("/v1/items/[^/]+")).anyMatch(t -> t.startsWith("/v1/flows"))
                .anyMatch(t -> t.startsWith(InternalRoutes.STATUS))
                .anyMatch(t -> t.startsWith(InternalRoutes.ACCOUNTING))
                .anyMatch(t -> t.startsWith(InternalRoutes.CITY_HISTORY))
                .anyMatch(t -> t.startsWith(InternalRoutes.REGION));
        assertThat(corpus).allSatisfy(c -> assertThat(c.why()).as(c.target()).isNotBlank());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("corpus")
    void shouldAnswerEachHostileQueryAsTheCorpusSaysAndLogNoStackTrace(Case hostile) {
        log.clear();

        RawHttp.Answer answer = http.get(hostile.target());

        assertThat(answer.status()).as("status of %s (%s): %s", hostile, hostile.why(), answer.body())
                .isEqualTo(hostile.status());
        assertThat(answer.header("Content-Type")).as(hostile.toString()).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode body = answer.json();
        assertThat(body.fieldNames()).toIterable().as(hostile.toString()).containsExactly("error", "message");
        assertThat(body.get("error").asText()).as(hostile.toString()).isEqualTo("invalid_parameter");
        assertThat(body.get("message").asText()).as(hostile.toString()).startsWith(hostile.names() + ": ")
                .hasSizeLessThanOrEqualTo(MAX_MESSAGE_LENGTH);
        assertThat(answer.body()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(log.events()).as("log lines of %s", hostile).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(event -> assertThat(event.getThrown()).as(hostile.toString()).isNull());
    }
}
