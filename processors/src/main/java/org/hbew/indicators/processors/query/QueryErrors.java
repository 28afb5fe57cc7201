package org.hbew.indicators.processors.query;

import java.time.Duration;
import org.hbew.indicators.http.ApiError;
import org.hbew.indicators.http.ErrorResponses;

/**
 * The query API's errors and how it answers them. A 400 names the parameter at fault at the start of its
 * message and shows at most the start of the value it refused; state that cannot be read now
 * ({@link StoreUnavailableException}) is a 503 with Retry-After; an error answer never carries
 * {@value ReadResponse#STALE_HEADER}, which describes data and an error has none.
 *
 * <p>A 400 or 503 is an answer, not a fault: nothing is logged for it, so a client sending bad parameters
 * cannot fill the log. Anything else that escapes a route is a 500, logged once with its stack.
 */
final class QueryErrors {

    /** How much of a refused value a message shows: enough to recognise it, never a large value echoed back. */
    static final int SHOWN_CODE_POINTS = 40;

    /** How long a client should wait before asking again while state is moving between instances. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(2);

    static final ErrorResponses RESPONSES = ErrorResponses
            .forService("the query API failed unexpectedly; the failure is logged")
            .mapping(StoreUnavailableException.class, e -> unavailable(e.getMessage()))
            .beforeEachAnswer(ctx -> ctx.removeHeader(ReadResponse.STALE_HEADER))
            .notFoundMessage(ctx -> "no such path: " + ctx.path());

    private QueryErrors() {
    }

    /** 400 for a path or query parameter that cannot be used; the message starts with the parameter's name. */
    static ApiError invalidParameter(String parameter, String problem) {
        return ApiError.of(400, "invalid_parameter", parameter + ": " + problem);
    }

    /** A client's value as a message shows it: quoted, and cut after {@value #SHOWN_CODE_POINTS} characters. */
    static String shown(String raw) {
        int length = raw.codePointCount(0, raw.length());
        if (length <= SHOWN_CODE_POINTS) {
            return "'" + raw + "'";
        }
        return "'" + raw.substring(0, raw.offsetByCodePoints(0, SHOWN_CODE_POINTS)) + "...' (" + length
                + " characters)";
    }

    /** 503 with Retry-After: the data exists but cannot be read now (rebalancing, restoring, instance gone). */
    /** A path that names nothing this server has (a file of the page). */
    static ApiError notFound(String message) {
        return ApiError.of(404, "not_found", message);
    }

    static ApiError unavailable(String message) {
        return ApiError.of(503, "unavailable", message).withRetryAfter(RETRY_AFTER);
    }
}
