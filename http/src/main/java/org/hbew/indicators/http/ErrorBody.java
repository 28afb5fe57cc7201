package org.hbew.indicators.http;

import java.util.List;

/**
 * The body of every error answer: a stable code, a message for people and, where a request was refused for
 * several reasons at once, the problems (at most {@link ApiError#MAX_LISTED_PROBLEMS}) with how many there are in
 * all. The product's JSON mapper writes no nulls, so an error without problems is exactly
 * {@code {"error", "message"}}.
 */
public record ErrorBody(String error, String message, List<?> problems, Integer problemCount) {

    public ErrorBody(String error, String message) {
        this(error, message, null, null);
    }
}
