package org.hbew.indicators.processors.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import org.hbew.indicators.json.Json;

/** Writes JSON answers with the product's one mapper, so every body of the query API has the same conventions. */
final class JsonResponse {

    static final String CONTENT_TYPE = "application/json";
    /** Set on an answer built (partly) from a standby replica or a store that was not caught up. */
    static final String STALE_HEADER = "X-Data-Stale";

    /** The body of every error: a stable code and a message for people. */
    record ErrorBody(String error, String message) {
    }

    private JsonResponse() {
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(bytes(body));
    }

    /** 200 with the value of a read, marked stale when it was. */
    static void send(Context ctx, Read<?> read) {
        if (read.stale()) {
            ctx.header(STALE_HEADER, "true");
        }
        send(ctx, 200, read.value());
    }

    static byte[] bytes(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
