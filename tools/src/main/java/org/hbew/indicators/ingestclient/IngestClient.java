package org.hbew.indicators.ingestclient;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.hbew.indicators.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts batches of events to ingest's {@code POST /v1/events} as NDJSON and says what became of them.
 * 429 and 503 are retried after their {@code Retry-After}, a connection failure after a backoff; every
 * other answer is returned as it is, since only the caller knows what to do with a refused event.
 * Thread-safe: the simulator's city senders share one.
 */
public final class IngestClient {

    private static final Logger log = LoggerFactory.getLogger(IngestClient.class);

    /** A request still failing at this attempt is worth a warning; earlier retries are routine. */
    private static final int WARN_AT_ATTEMPT = 3;

    public static final String EVENTS_PATH = "/v1/events";
    public static final String NDJSON = "application/x-ndjson";

    private final URI eventsUri;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final Clock clock;
    private final LongAdder retries = new LongAdder();

    /** Waits between attempts; tests replace it to run without delay. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    public IngestClient(URI baseUrl, HttpClient http, Duration requestTimeout, RetryPolicy retry) {
        this(baseUrl, http, requestTimeout, retry, d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
    }

    IngestClient(URI baseUrl, HttpClient http, Duration requestTimeout, RetryPolicy retry, Sleeper sleeper,
                 Clock clock) {
        this.eventsUri = eventsUri(Objects.requireNonNull(baseUrl, "baseUrl"));
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.retry = Objects.requireNonNull(retry, "retry");
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** {@code http://host:8080} and {@code http://host:8080/} both mean {@code http://host:8080/v1/events}. */
    static URI eventsUri(URI baseUrl) {
        String base = baseUrl.toString();
        if (base.endsWith(EVENTS_PATH)) {
            return baseUrl;
        }
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + EVENTS_PATH);
    }

    public URI eventsUri() {
        return eventsUri;
    }

    /** Attempts repeated after 429, 503 or no answer, since this client was made. */
    public long retries() {
        return retries.sum();
    }

    /**
     * Posts the events, each one JSON object on one line, with the bearer token.
     *
     * @throws InterruptedException if interrupted while waiting for an answer or to retry
     */
    public PostResult post(String token, List<String> events) throws InterruptedException {
        if (events.isEmpty()) {
            return new PostResult.Accepted(0);
        }
        HttpRequest request = HttpRequest.newBuilder(eventsUri)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", NDJSON)
                .POST(HttpRequest.BodyPublishers.ofString(String.join("\n", events) + "\n", StandardCharsets.UTF_8))
                .build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= retry.maxAttempts()) {
                    return new PostResult.Failed(PostResult.Failed.NO_ANSWER, "no answer from " + eventsUri + " after "
                            + attempt + " attempts: " + describe(e));
                }
                Duration delay = retry.delay(attempt, null);
                warnIfPersistent(attempt, "no answer (" + describe(e) + ")", delay);
                pause(delay);
                continue;
            }
            int status = response.statusCode();
            if (status == 429 || status == 503) {
                if (attempt >= retry.maxAttempts()) {
                    return new PostResult.Failed(status, "ingest still answers " + status + " after " + attempt
                            + " attempts: " + message(response.body()));
                }
                Duration retryAfter = response.headers().firstValue("Retry-After")
                        .flatMap(h -> RetryAfter.parse(h, clock.instant())).orElse(null);
                Duration delay = retry.delay(attempt, retryAfter);
                warnIfPersistent(attempt, "HTTP " + status, delay);
                pause(delay);
                continue;
            }
            return interpret(status, response.body(), events.size());
        }
    }

    private void warnIfPersistent(int attempt, String what, Duration delay) {
        if (attempt == WARN_AT_ATTEMPT) {
            log.warn("Ingest at {} gave {} {} times in a row; retrying every {} ms or so, up to {} attempts",
                    eventsUri, what, attempt, delay.toMillis(), retry.maxAttempts());
        } else {
            log.debug("Ingest at {} gave {} on attempt {}; retrying in {} ms", eventsUri, what, attempt,
                    delay.toMillis());
        }
    }

    private void pause(Duration delay) throws InterruptedException {
        retries.increment();
        sleeper.sleep(delay);
    }

    static PostResult interpret(int status, String body, int posted) {
        JsonNode json = parse(body);
        if (status == 202 || status == 200) {
            JsonNode accepted = json.get("accepted");
            return new PostResult.Accepted(accepted != null && accepted.canConvertToInt() ? accepted.asInt() : posted);
        }
        String error = json.path("error").asText("");
        String message = json.hasNonNull("message") ? json.get("message").asText() : "HTTP " + status;
        if (status == 413) {
            return new PostResult.TooLarge(message);
        }
        List<EventProblem> problems = problems(json.get("problems"));
        if ((status == 400 || status == 403) && !problems.isEmpty()) {
            return new PostResult.Refused(status, error, message, problems);
        }
        return new PostResult.Failed(status, status + (error.isEmpty() ? "" : " " + error) + ": " + message);
    }

    private static List<EventProblem> problems(JsonNode node) {
        List<EventProblem> problems = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode p : node) {
                if (p.hasNonNull("index") && p.get("index").canConvertToInt()) {
                    problems.add(new EventProblem(p.get("index").asInt(), p.path("field").asText(""),
                            p.path("message").asText("")));
                }
            }
        }
        return problems;
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return Json.mapper().createObjectNode();
        }
        try {
            JsonNode node = Json.mapper().readTree(body);
            return node == null || !node.isObject() ? Json.mapper().createObjectNode() : node;
        } catch (IOException e) {
            return Json.mapper().createObjectNode();
        }
    }

    private static String message(String body) {
        JsonNode json = parse(body);
        return json.hasNonNull("message") ? json.get("message").asText() : "no message";
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "cannot connect";
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
