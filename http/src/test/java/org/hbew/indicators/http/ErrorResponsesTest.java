package org.hbew.indicators.http;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What a service's clients see of every kind of failure, over real HTTP: two servers with the same routes, one
 * with the shared answers as they come, one with what a service may add (a mapped exception, a header removed
 * from error answers, its own 404 message).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErrorResponsesTest {

    private static final String INTERNAL = "the test service failed unexpectedly; the failure is logged";
    private static final String SUCCESS_ONLY = "X-Success-Only";

    record Problem(int index, String field) {
    }

    /** A failure a service maps to one of its errors. */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Javalin plain;
    private Javalin extended;

    @BeforeAll
    void startServers() {
        plain = serve(ErrorResponses.forService(INTERNAL));
        extended = serve(ErrorResponses.forService(INTERNAL)
                .mapping(Unreachable.class, e -> ApiError.of(503, "unavailable", e.getMessage())
                        .withRetryAfter(Duration.ofSeconds(2)))
                .beforeEachAnswer(ctx -> ctx.removeHeader(SUCCESS_ONLY))
                .notFoundMessage(ctx -> "no such path: " + ctx.path()));
    }

    @AfterAll
    void stopServers() {
        plain.stop();
        extended.stop();
    }

    private static Javalin serve(ErrorResponses responses) {
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.startup.startupWatcherEnabled = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.http.prefer405over404 = true;
            responses.install(cfg);
            cfg.routes.get("/refused", ctx -> {
                throw ApiError.of(403, "forbidden", "not yours").withProblems(List.of(new Problem(1, "city")));
            });
            cfg.routes.get("/many", ctx -> {
                throw ApiError.of(400, "invalid_events", "all wrong").withProblems(IntStream.range(0, 5_000)
                        .mapToObj(i -> new Problem(i, "unit")).toList());
            });
            cfg.routes.get("/unauthorized", ctx -> {
                throw ApiError.of(401, "unauthorized", "a token is required")
                        .withHeader("WWW-Authenticate", "Bearer realm=\"test\"");
            });
            cfg.routes.get("/throttled", ctx -> {
                throw ApiError.of(429, "saturated", "later").withRetryAfter(Duration.ofMillis(1_500));
            });
            cfg.routes.get("/mapped", ctx -> {
                ctx.header(SUCCESS_ONLY, "true");
                throw new Unreachable("instance b did not answer");
            });
            cfg.routes.get("/broken", ctx -> {
                ctx.header(SUCCESS_ONLY, "true");
                throw new IllegalStateException("a detail for the log only");
            });
            cfg.routes.get("/fatal", ctx -> {
                throw new AssertionError("a detail for the log only");
            });
            cfg.routes.get("/later", ctx -> ctx.future(() -> CompletableFuture.runAsync(() ->
                    responses.write(ctx, ApiError.of(503, "kafka_unavailable", "no acknowledgement")
                            .withRetryAfter(Duration.ofSeconds(5))))));
            cfg.routes.post("/only-post", ctx -> ctx.result("ok"));
        });
        return app.start();
    }

    @Test
    void shouldAnswerAnApiErrorWithItsStatusCodeMessageAndProblems() {
        Answer answer = get(plain, "/refused");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().fieldNames()).toIterable()
                .containsExactly("error", "message", "problems", "problemCount");
        assertThat(answer.json().get("problemCount").asInt()).isEqualTo(1);
        assertThat(answer.json().get("error").asText()).isEqualTo("forbidden");
        assertThat(answer.json().get("message").asText()).isEqualTo("not yours");
        assertThat(answer.json().at("/problems/0/field").asText()).isEqualTo("city");
    }

    @Test
    void shouldListTheFirstHundredProblemsAndCountThemAll() {
        Answer answer = get(plain, "/many");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("problems")).hasSize(ApiError.MAX_LISTED_PROBLEMS);
        assertThat(answer.json().at("/problems/99/index").asInt()).isEqualTo(99);
        assertThat(answer.json().get("problemCount").asInt()).isEqualTo(5_000);
    }

    @Test
    void shouldAnswerAnApiErrorWithItsHeadersAndRetryAfterInWholeSeconds() {
        Answer unauthorized = get(plain, "/unauthorized");
        Answer throttled = get(plain, "/throttled");

        assertThat(unauthorized.status()).isEqualTo(401);
        assertThat(unauthorized.header("WWW-Authenticate")).contains("Bearer realm=\"test\"");
        assertThat(unauthorized.json().fieldNames()).toIterable().containsExactly("error", "message");
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).contains("1");
    }

    @Test
    void shouldAnswerUnknownPathsWithJavalinsMessageUnlessTheServiceHasItsOwn() {
        Answer javalins = get(plain, "/nothing/here");
        Answer own = get(extended, "/nothing/here");

        assertThat(javalins.status()).isEqualTo(404);
        assertThat(javalins.json().get("error").asText()).isEqualTo("not_found");
        assertThat(javalins.json().get("message").asText()).contains("/nothing/here");
        assertThat(own.status()).isEqualTo(404);
        assertThat(own.json().get("message").asText()).isEqualTo("no such path: /nothing/here");
    }

    @Test
    void shouldAnswerAWrongMethodWith405NamingTheAllowedOnes() {
        Answer answer = get(plain, "/only-post");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("Allow").orElseThrow()).contains("POST");
        assertThat(answer.json().get("error").asText()).isEqualTo("method_not_allowed");
    }

    @Test
    void shouldAnswerAnythingUnexpectedWith500AndTheServicesMessageOnly() {
        for (String path : new String[] {"/broken", "/fatal"}) {
            Answer answer = get(plain, path);

            assertThat(answer.status()).as(path).isEqualTo(500);
            assertThat(answer.json().get("error").asText()).as(path).isEqualTo("internal_error");
            assertThat(answer.json().get("message").asText()).as(path).isEqualTo(INTERNAL);
            assertThat(answer.body()).as(path).doesNotContain("detail").doesNotContain("\tat ");
        }
    }

    @Test
    void shouldAnswerWhatTheServiceMapsAndRunItsStepBeforeEveryErrorAnswer() {
        Answer mapped = get(extended, "/mapped");
        Answer broken = get(extended, "/broken");
        Answer unmapped = get(plain, "/mapped");

        assertThat(mapped.status()).isEqualTo(503);
        assertThat(mapped.header("Retry-After")).contains("2");
        assertThat(mapped.json().get("error").asText()).isEqualTo("unavailable");
        assertThat(mapped.json().get("message").asText()).isEqualTo("instance b did not answer");
        assertThat(mapped.header(SUCCESS_ONLY)).isEmpty();
        assertThat(broken.status()).isEqualTo(500);
        assertThat(broken.header(SUCCESS_ONLY)).isEmpty();
        assertThat(unmapped.status()).isEqualTo(500);
        assertThat(unmapped.header(SUCCESS_ONLY)).contains("true");
    }

    @Test
    void shouldWriteAnErrorAnsweredOutsideAnExceptionHandler() {
        Answer answer = get(plain, "/later");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.header("Retry-After")).contains("5");
        assertThat(answer.json().get("error").asText()).isEqualTo("kafka_unavailable");
    }

    @Test
    void shouldAnswerRequestsJettyCannotParseInJson() {
        String answer = raw(plain, "GET /refused HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json")
                .contains("\"error\":\"bad_request\"").doesNotContain("<html");
    }

    private Answer get(Javalin app, String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(path)
                    .startsWith(JsonResponse.CONTENT_TYPE);
            return new Answer(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String raw(Javalin app, String request) {
        try (Socket socket = new Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Answer(HttpResponse<String> response) {

        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
