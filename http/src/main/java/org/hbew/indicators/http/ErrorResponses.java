package org.hbew.indicators.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure of a service into a JSON answer {@code {"error", "message", "problems"?}}: {@link ApiError}s
 * and exceptions the service maps to one, Javalin's own answers (404, 405 with {@code Allow}), anything unexpected
 * (500, logged here with its stack trace, which never reaches the client), {@link Error}s, and Jetty's answers to
 * requests it cannot parse ({@link JsonErrorHandler}).
 *
 * <p>One per service, built once and immutable: the service names its 500 message (so a client can tell which
 * service failed) and what it adds, then {@link #install installs} it on its Javalin and uses {@link #write} for
 * errors it answers outside an exception handler, such as after an asynchronous wait.
 */
public final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private final String internalMessage;
    private final List<Mapping<?>> mappings;
    private final Consumer<Context> beforeEachAnswer;
    private final Function<Context, String> notFoundMessage;

    private ErrorResponses(String internalMessage, List<Mapping<?>> mappings, Consumer<Context> beforeEachAnswer,
                           Function<Context, String> notFoundMessage) {
        this.internalMessage = internalMessage;
        this.mappings = List.copyOf(mappings);
        this.beforeEachAnswer = beforeEachAnswer;
        this.notFoundMessage = notFoundMessage;
    }

    /** @param internalMessage the message of every 500, naming the service; its cause is only logged */
    public static ErrorResponses forService(String internalMessage) {
        return new ErrorResponses(internalMessage, List.of(), ctx -> { }, null);
    }

    /** Also answers exceptions of {@code type} (and its subclasses) as the error {@code toError} makes of them. */
    public <E extends Exception> ErrorResponses mapping(Class<E> type, Function<? super E, ApiError> toError) {
        List<Mapping<?>> more = new ArrayList<>(mappings);
        more.add(new Mapping<>(type, toError));
        return new ErrorResponses(internalMessage, more, beforeEachAnswer, notFoundMessage);
    }

    /** Runs {@code step} before each error answer is written through Javalin, e.g. to remove a success-only header. */
    public ErrorResponses beforeEachAnswer(Consumer<Context> step) {
        return new ErrorResponses(internalMessage, mappings, beforeEachAnswer.andThen(step), notFoundMessage);
    }

    /** The message of a 404 for a path no route matches, instead of Javalin's. */
    public ErrorResponses notFoundMessage(Function<Context, String> message) {
        return new ErrorResponses(internalMessage, mappings, beforeEachAnswer, message);
    }

    public void install(JavalinConfig cfg) {
        cfg.routes.exception(ApiError.class, (e, ctx) -> write(ctx, e));
        for (Mapping<?> mapping : mappings) {
            mapping.register(cfg, this);
        }
        cfg.routes.exception(HttpResponseException.class, this::writeJavalinError);
        cfg.routes.exception(Exception.class, (e, ctx) -> {
            LOG.error("Unexpected failure answering {} {}", ctx.method(), ctx.path(), e);
            answer(ctx, 500, new ErrorBody("internal_error", internalMessage));
        });
        cfg.router.javaLangErrorHandler(this::writeFatal);
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
        cfg.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new JsonErrorHandler()));
    }

    /** Answers {@code error}: its status, its headers ({@code Retry-After} among them) and its JSON body. */
    public void write(Context ctx, ApiError error) {
        error.retryAfter().ifPresent(delay -> ctx.header(Header.RETRY_AFTER, Long.toString(delay.toSeconds())));
        error.headers().forEach(ctx::header);
        answer(ctx, error.status(), new ErrorBody(error.code(), error.getMessage(), error.problems(), error.problemCount()));
    }

    private void answer(Context ctx, int status, ErrorBody body) {
        beforeEachAnswer.accept(ctx);
        JsonResponse.send(ctx, status, body);
    }

    /** Javalin's own answers, 404 and 405 mostly, in our format: {@code not_found}, {@code method_not_allowed}. */
    private void writeJavalinError(HttpResponseException e, Context ctx) {
        String allowed = e.getDetails().get("availableMethods");
        if (e.getStatus() == 405 && allowed != null) {
            ctx.header(Header.ALLOW, allowed);
        }
        String code = HttpStatus.forStatus(e.getStatus()).name().toLowerCase(Locale.ROOT);
        String message = e.getStatus() == 404 && notFoundMessage != null ? notFoundMessage.apply(ctx) : e.getMessage();
        answer(ctx, e.getStatus(), new ErrorBody(code, message));
    }

    private void writeFatal(HttpServletResponse res, Error error) {
        LOG.error("Fatal error answering a request", error);
        res.setStatus(500);
        if (res.isCommitted()) {
            return;
        }
        try {
            res.setContentType(JsonResponse.CONTENT_TYPE);
            res.getOutputStream().write(JsonResponse.bytes(new ErrorBody("internal_error", internalMessage)));
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not write the answer to a fatal error", e);
        }
    }

    /** An exception type a service answers as one of its errors. */
    private record Mapping<E extends Exception>(Class<E> type, Function<? super E, ApiError> toError) {

        void register(JavalinConfig cfg, ErrorResponses responses) {
            cfg.routes.exception(type, (e, ctx) -> responses.write(ctx, toError.apply(e)));
        }
    }
}
