package org.hbew.indicators.ingest;

import io.javalin.http.Header;
import java.time.Duration;
import java.util.List;
import org.hbew.indicators.http.ApiError;
import org.hbew.indicators.http.ErrorResponses;

/**
 * The gateway's refusals, each a stable code with its status, and how the gateway answers them. A refusal of
 * events names each event at fault as an {@link IndexedProblem}; a 429 or 503 says when to send again.
 */
final class IngestErrors {

    static final Duration RETRY_AFTER_THROTTLED = Duration.ofSeconds(1);
    static final Duration RETRY_AFTER_UNAVAILABLE = Duration.ofSeconds(5);

    static final ErrorResponses RESPONSES =
            ErrorResponses.forService("the gateway failed unexpectedly; the failure is logged");

    private static final String BEARER_CHALLENGE = "Bearer realm=\"hbew-ingest\"";

    private IngestErrors() {
    }

    static ApiError malformedJson(String message) {
        return ApiError.of(400, "malformed_json", message);
    }

    static ApiError unreadableBody() {
        return ApiError.of(400, "unreadable_body", "the body could not be read to its end");
    }

    static ApiError invalidEncoding(String reason) {
        return ApiError.of(400, "invalid_encoding", "the body " + reason);
    }

    static ApiError malformedGzip() {
        return ApiError.of(400, "malformed_gzip", "the body is declared Content-Encoding: gzip but is not valid gzip");
    }

    static ApiError noEvents() {
        return ApiError.of(400, "no_events", "the body holds no events");
    }

    static ApiError invalidEvents(List<IndexedProblem> problems) {
        long events = problems.stream().mapToInt(IndexedProblem::index).distinct().count();
        String listed = problems.size() > ApiError.MAX_LISTED_PROBLEMS
                ? "; the first " + ApiError.MAX_LISTED_PROBLEMS + " of " + problems.size() + " problems are listed"
                : "";
        return ApiError.of(400, "invalid_events", events + (events == 1 ? " event is" : " events are")
                + " invalid, so none was accepted" + listed).withProblems(problems);
    }

    static ApiError unauthorized(String message) {
        return ApiError.of(401, "unauthorized", message).withHeader(Header.WWW_AUTHENTICATE, BEARER_CHALLENGE);
    }

    static ApiError forbidden(String message, List<IndexedProblem> problems) {
        return ApiError.of(403, "forbidden", message).withProblems(problems);
    }

    static ApiError bodyTooLarge(int maxBodyBytes) {
        return ApiError.of(413, "body_too_large", "the body is larger than " + maxBodyBytes + " bytes; split it");
    }

    static ApiError inflatedBodyTooLarge(int maxBodyBytes) {
        return ApiError.of(413, "body_too_large", "the gzip body inflates to more than " + maxBodyBytes
                + " bytes; split it");
    }

    static ApiError bodyTimeout(Duration timeout) {
        return ApiError.of(408, "body_timeout", "the body did not arrive within " + timeout.toSeconds()
                + "s; send it at once, or in smaller requests").withHeader(Header.CONNECTION, "close");
    }

    static ApiError tooManyEvents(int maxEvents) {
        return ApiError.of(413, "too_many_events", "a request may hold at most " + maxEvents + " events; split it");
    }

    static ApiError unsupportedMediaType(String message) {
        return ApiError.of(415, "unsupported_media_type", message);
    }

    static ApiError unsupportedEncoding(String message) {
        return ApiError.of(415, "unsupported_encoding", message);
    }

    static ApiError tooManyConcurrentRequests(String principal, int maxPerToken) {
        return ApiError.of(429, "too_many_requests", "the token of " + principal + " has " + maxPerToken
                + " requests open already, the most one token may; retry after the Retry-After delay")
                .withRetryAfter(RETRY_AFTER_THROTTLED);
    }

    static ApiError saturated() {
        return ApiError.of(429, "saturated", "the gateway is waiting for Kafka to acknowledge as many events as it "
                + "may hold; retry after the Retry-After delay").withRetryAfter(RETRY_AFTER_THROTTLED);
    }

    static ApiError kafkaUnavailable(String message) {
        return ApiError.of(503, "kafka_unavailable", message).withRetryAfter(RETRY_AFTER_UNAVAILABLE);
    }
}
