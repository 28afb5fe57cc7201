package org.hbew.indicators.http;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An answer other than success, thrown anywhere on the request path and written by {@link ErrorResponses} as
 * {@code {"error": code, "message": ..., "problems": [...], "problemCount": n}}. The code is a stable, machine-readable word; the
 * message is for the person fixing the request. Carries no stack trace: it is an answer, not a fault.
 *
 * <p>Each service names its own errors in a small factory class (the ingest gateway's, the query API's), so
 * call sites read {@code throw IngestErrors.saturated()} while the writing stays here, once.
 */
public final class ApiError extends RuntimeException {

    /** Problems beyond these are counted, not listed. */
    public static final int MAX_LISTED_PROBLEMS = 100;

    private final int status;
    private final String code;
    private final Duration retryAfter;
    private final Map<String, String> headers;
    private final List<?> problems;
    private final int problemCount;

    private ApiError(int status, String code, String message, Duration retryAfter, Map<String, String> headers,
                     List<?> problems, int problemCount) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
        this.headers = headers;
        this.problems = problems;
        this.problemCount = problemCount;
    }

    public static ApiError of(int status, String code, String message) {
        return new ApiError(status, code, message, null, Map.of(), null, 0);
    }

    /** The same error answered with {@code Retry-After} in whole seconds. */
    public ApiError withRetryAfter(Duration delay) {
        return new ApiError(status, code, getMessage(), delay, headers, problems, problemCount);
    }

    /** The same error answered with one more header, such as {@code WWW-Authenticate} on a 401. */
    public ApiError withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiError(status, code, getMessage(), retryAfter, Collections.unmodifiableMap(more), problems,
                problemCount);
    }

    /**
     * The same error listing what exactly is wrong, one JSON value per problem, as {@code "problems"}: the first
     * {@value #MAX_LISTED_PROBLEMS} of them, and their total as {@code "problemCount"}, so that an answer stays
     * small however many problems a request has.
     */
    public ApiError withProblems(List<?> list) {
        List<?> listed = list.size() > MAX_LISTED_PROBLEMS ? list.subList(0, MAX_LISTED_PROBLEMS) : list;
        return new ApiError(status, code, getMessage(), retryAfter, headers, List.copyOf(listed), list.size());
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

    /** The problems listed, or null when the error concerns the request as a whole (and the body has none). */
    public List<?> problems() {
        return problems;
    }

    /** How many problems there are in all, listed or not; null when the error lists none. */
    public Integer problemCount() {
        return problems == null ? null : problemCount;
    }
}
