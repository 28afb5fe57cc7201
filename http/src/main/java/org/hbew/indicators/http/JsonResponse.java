package org.hbew.indicators.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import org.hbew.indicators.json.Json;

/** Writes JSON answers with the product's one mapper, so every body of every service has the same conventions. */
public final class JsonResponse {

    public static final String CONTENT_TYPE = "application/json";

    private JsonResponse() {
    }

    public static void send(Context ctx, int status, Object body) {
        ctx.status(status).contentType(CONTENT_TYPE).result(bytes(body));
    }

    public static byte[] bytes(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
