package org.hbew.indicators.http;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An answer other than success, thrown anywhere on the request path and written by {@link ErrorResponses} as
 * {@code {"error": code, "message": ..., "problems": [...]}}. The code is a stable, machine-readable word; the
 * message is for the person fixing the request. Carries no stack trace: it is an answer, not a fault.
 *
 * <p>Each service names its own errors in a small factory class (the ingest gateway's, the query API's), so
 * call sites read {@code throw IngestErrors.saturated()} while the writing stays here, once.
 */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final Duration retryAfter;
    private final Map<String, String> headers;
    private final List<?> problems;

    private ApiError(int status, String code, String message, Duration retryAfter, Map<String, String> headers,
                     List<?> problems) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.headers = headers;
        this.problems = problems;
    }

    public static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, null, Map.of(), null);
    }

    /** The same error answered with {@code Retry-After} in whole seconds. */
    public ApiError withRetryAfter(Duration delay) {
        return new ApiError(status, code, getMessage(), delay, headers, problems);
    }

    /** The same error answered with one more header, such as {@code WWW-Authenticate} on a 401. */
    public ApiError withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiError(status, code, getMessage(), retryAfter, Collections.unmodifiableMap(more), problems);
    }

    /** The same error listing what exactly is wrong, one JSON value per problem, as {@code "problems"}. */
    public ApiError withProblems(List<?> list) {
        return new ApiError(status, code, getMessage(), retryAfter, headers, List.copyOf(list));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Headers to answer with besides {@code Retry-After}, in the order they were added. */
    public Map<String, String> headers() {
        return headers;
    }

    /** The problems, or null when the error concerns the request as a whole (and the body has none). */
    public List<?> problems() {
        return problems;
    }
}
