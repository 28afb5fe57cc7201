package org.hbew.indicators.processors.query;

import io.javalin.http.Context;
import org.hbew.indicators.http.JsonResponse;

/**
 * Answers with what a store read returned, telling the client (or the instance that asked) whether it may be
 * behind, so that staleness travels with the data from the instance that read it to the one that answers.
 */
final class ReadResponse {

    /** Set on an answer built (partly) from a standby replica or a store that was not caught up. */
    static final String STALE_HEADER = "X-Data-Stale";

    private ReadResponse() {
    }

    /** 200 with the value of a read, marked stale when it was. */
    static void send(Context ctx, Read<?> read) {
        if (read.stale()) {
            ctx.header(STALE_HEADER, "true");
        }
        JsonResponse.send(ctx, 200, read.value());
    }
}
