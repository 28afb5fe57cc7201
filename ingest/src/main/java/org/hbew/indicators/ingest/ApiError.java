package org.hbew.indicators.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An answer other than success, thrown anywhere on the request path and written by {@link ErrorResponses} as
 * {@code {"error": code, "message": ..., "problems": [...]}}. The code is a stable, machine-readable word; the
 * message is for the person fixing the sender. Carries no stack trace: it is an answer, not a fault.
 */
final class ApiError extends RuntimeException {

    static final Duration RETRY_AFTER_THROTTLED = Duration.ofSeconds(1);
    static final Duration RETRY_AFTER_UNAVAILABLE = Duration.ofSeconds(5);

    private final int status;
    private final String code;
    private final List<IndexedProblem> problems;
    private final Duration retryAfter;

    private ApiError(int status, String code, String message, List<IndexedProblem> problems, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.problems = problems == null ? null : List.copyOf(problems);
        this.retryAfter = retryAfter;
    }

    static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, null, null);
    }

    static ApiError malformedJson(String message) {
        return of(400, "malformed_json", message);
    }

    static ApiError noEvents() {
        return of(400, "no_events", "the body holds no events");
    }

    static ApiError invalidEvents(List<IndexedProblem> problems) {
        long events = problems.stream().mapToInt(IndexedProblem::index).distinct().count();
        return new ApiError(400, "invalid_events", events + (events == 1 ? " event is" : " events are")
                + " invalid, so none was accepted", problems, null);
    }

    static ApiError unauthorized(String message) {
        return of(401, "unauthorized", message);
    }

    static ApiError forbidden(String message, List<IndexedProblem> problems) {
        return new ApiError(403, "forbidden", message, problems, null);
    }

    static ApiError bodyTooLarge(int maxBodyBytes) {
        return of(413, "body_too_large", "the body is larger than " + maxBodyBytes + " bytes; split it");
    }

    static ApiError tooManyEvents(int maxEvents) {
        return of(413, "too_many_events", "a request may hold at most " + maxEvents + " events; split it");
    }

    static ApiError unsupportedMediaType(String message) {
        return of(415, "unsupported_media_type", message);
    }

    static ApiError saturated() {
        return new ApiError(429, "saturated", "the gateway is waiting for Kafka to acknowledge as many events as it "
                + "may hold; retry after the Retry-After delay", null, RETRY_AFTER_THROTTLED);
    }

    static ApiError kafkaUnavailable(String message) {
        return new ApiError(503, "kafka_unavailable", message, null, RETRY_AFTER_UNAVAILABLE);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** The per-event problems, or null when the error concerns the request as a whole. */
    List<IndexedProblem> problems() {
        return problems;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
