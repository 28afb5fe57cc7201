package org.hbew.indicators.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import java.util.List;
import org.hbew.indicators.json.Json;

/** Writes JSON answers with the product's one mapper, so every body of ingest has the same conventions. */
final class JsonResponse {

    static final String CONTENT_TYPE = "application/json";

    /** The body of every error: a stable code, a message for people, and per-event problems where there are. */
    record ErrorBody(String error, String message, List<IndexedProblem> problems) {
    }

    private JsonResponse() {
    }

    static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(bytes(body));
    }

    static byte[] bytes(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
