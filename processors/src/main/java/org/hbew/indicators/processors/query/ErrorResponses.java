package org.hbew.indicators.processors.query;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a JSON answer {@code {"error", "message"}}: our own {@link ApiError}s, state
 * that cannot be read now (503 with Retry-After), Javalin's own answers (404, 405), anything unexpected
 * (500, logged here with its stack trace, which never reaches the client), {@link Error}s, and Jetty's
 * answers to requests it cannot parse ({@link JsonErrorHandler}).
 */
final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private static final String INTERNAL_MESSAGE = "the query API failed unexpectedly; the failure is logged";

    private ErrorResponses() {
    }

    static void install(JavalinConfig cfg) {
        cfg.routes.exception(ApiError.class, (e, ctx) -> write(ctx, e));
        cfg.routes.exception(StoreUnavailableException.class,
                (e, ctx) -> write(ctx, ApiError.unavailable(e.getMessage())));
        cfg.routes.exception(HttpResponseException.class, ErrorResponses::writeJavalinError);
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
            write(ctx, new JsonResponse.ErrorBody("internal_error", INTERNAL_MESSAGE), 500);
        });
        cfg.router.javaLangErrorHandler(ErrorResponses::writeFatal);
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
    }

    static void write(Context ctx, ApiError error) {
        error.retryAfter().ifPresent(delay -> ctx.header(Header.RETRY_AFTER, Long.toString(delay.toSeconds())));
        write(ctx, new JsonResponse.ErrorBody(error.code(), error.getMessage()), error.status());
    }

    private static void write(Context ctx, JsonResponse.ErrorBody body, int status) {
        ctx.removeHeader(JsonResponse.STALE_HEADER);
        JsonResponse.send(ctx, status, body);
    }

    /** Javalin's own answers, 404 and 405 mostly, in our format: {@code not_found}, {@code method_not_allowed}. */
    private static void writeJavalinError(HttpResponseException e, Context ctx) {
        String allowed = e.getDetails().get("availableMethods");
        if (e.getStatus() == 405 && allowed != null) {
            ctx.header(Header.ALLOW, allowed);
        }
        String code = HttpStatus.forStatus(e.getStatus()).name().toLowerCase(Locale.ROOT);
        String message = e.getStatus() == 404 ? "no such path: " + ctx.path() : e.getMessage();
        write(ctx, new JsonResponse.ErrorBody(code, message), e.getStatus());
    }

    private static void writeFatal(HttpServletResponse res, Error error) {
        LOG.error("Fatal error answering a request", error);
        res.setStatus(500);
        if (res.isCommitted()) {
            return;
        }
        try {
            res.setContentType(JsonResponse.CONTENT_TYPE);
            res.getOutputStream().write(JsonResponse.bytes(new JsonResponse.ErrorBody("internal_error",
                    INTERNAL_MESSAGE)));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not write the answer to a fatal error", e);
        }
    }
}
