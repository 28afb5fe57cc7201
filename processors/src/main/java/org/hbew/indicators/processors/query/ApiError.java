package org.hbew.indicators.processors.query;

import java.time.Duration;
import java.util.Optional;

/**
 * An answer other than success, thrown anywhere on the request path and written by {@link ErrorResponses}
 * as {@code {"error": code, "message": ...}}. The code is a stable word for programs; the message is for
 * the person who sent the request and names the parameter at fault. Carries no stack trace: it is an
 * answer, not a fault.
 */
final class ApiError extends RuntimeException {

    /** How long a client should wait before asking again while state is moving between instances. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    private final int status;
    private final String code;
    private final Duration retryAfter;

    private ApiError(int status, String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    /** 400 for a path or query parameter that cannot be used; the message starts with the parameter's name. */
    static ApiError invalidParameter(String parameter, String problem) {
        return new ApiError(400, "invalid_parameter", parameter + ": " + problem, null);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not_found", message, null);
    }

    /** 503 with Retry-After: the data exists but cannot be read now (rebalancing, restoring, instance gone). */
    static ApiError unavailable(String message) {
        return new ApiError(503, "unavailable", message, RETRY_AFTER);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
