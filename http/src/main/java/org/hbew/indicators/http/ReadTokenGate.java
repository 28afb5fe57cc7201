package org.hbew.indicators.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The read token of a service's read side: when one is configured, every path but the open ones (the probes,
 * and whatever authenticates on its own, such as ingest's {@code POST /v1/events}) answers 401 unless the
 * request carries it, as {@code Authorization: Bearer <token>} (Prometheus, scripts, the other processor
 * instances) or in the cookie {@value #COOKIE} (a browser).
 *
 * <p>A browser gets the cookie once: the dashboard path {@code /} shows a one-field form instead of the page
 * until it has one, the form posts the token to {@value #LOGIN_PATH}, which sets the cookie ({@code HttpOnly},
 * {@code SameSite=Strict}, {@code Secure} over HTTPS) and sends the browser back to {@code /}. The page's own
 * requests to its instance then carry the cookie without the page knowing about tokens.
 *
 * <p>The presented token is compared through SHA-256 digests in constant time, and never logged.
 */
public final class ReadTokenGate {

    public static final String COOKIE = "hbew_read_token";
    public static final String LOGIN_PATH = "/v1/session";
    static final String DASHBOARD_PATH = "/";
    private static final String SCHEME = "bearer ";
    private static final String LOGIN_POLICY = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
            + "base-uri 'none'; frame-ancestors 'none'";

    private final byte[] digest;
    private final Set<String> openPaths;
    private final boolean dashboard;

    private ReadTokenGate(byte[] digest, Set<String> openPaths, boolean dashboard) {
        this.digest = digest;
        this.openPaths = Set.copyOf(openPaths);
        this.dashboard = dashboard;
    }

    /** Nothing required: every path answers anyone who reaches the port. */
    public static ReadTokenGate open() {
        return new ReadTokenGate(null, Set.of(), false);
    }

    /**
     * Requires {@code token} everywhere but on {@code openPaths}; none required if the token is empty.
     *
     * @param dashboard whether {@code /} is a browser page that should show the token form rather than a 401
     */
    public static ReadTokenGate requiring(Optional<String> token, Set<String> openPaths, boolean dashboard) {
        return token.filter(t -> !t.isBlank())
                .map(t -> new ReadTokenGate(sha256(t.strip()), openPaths, dashboard))
                .orElseGet(ReadTokenGate::open);
    }

    public boolean required() {
        return digest != null;
    }

    /** Installs the check before every route, and the form's target if there is a dashboard. */
    public void install(JavalinConfig cfg) {
        if (!required()) {
            return;
        }
        cfg.routes.before(this::check);
        if (dashboard) {
            cfg.routes.post(LOGIN_PATH, this::login);
        }
    }

    private void check(Context ctx) {
        String path = ctx.path();
        if (openPaths.contains(path) || (dashboard && LOGIN_PATH.equals(path)) || authorized(ctx)) {
            return;
        }
        if (dashboard && DASHBOARD_PATH.equals(path) && "GET".equals(ctx.method().name())) {
            ctx.skipRemainingHandlers();
            sendForm(ctx, 200, "");
            return;
        }
        throw unauthorized();
    }

    /** Whether the request carries the token, in its one Authorization header or in the cookie. */
    boolean authorized(Context ctx) {
        List<String> headers = Collections.list(ctx.req().getHeaders(Header.AUTHORIZATION));
        if (headers.size() == 1) {
            String header = headers.get(0).strip();
            if (header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
                return matches(header.substring(SCHEME.length()).strip());
            }
            return false;
        }
        return headers.isEmpty() && matches(ctx.cookie(COOKIE));
    }

    private boolean matches(String presented) {
        return presented != null && !presented.isEmpty() && MessageDigest.isEqual(digest, sha256(presented));
    }

    private void login(Context ctx) {
        String presented = ctx.formParam("token");
        if (!matches(presented == null ? null : presented.strip())) {
            sendForm(ctx, 401, "That is not the read token.");
            return;
        }
        boolean secure = "https".equalsIgnoreCase(ctx.scheme());
        ctx.header(Header.SET_COOKIE, COOKIE + "=" + presented.strip() + "; Path=/; HttpOnly; SameSite=Strict"
                + (secure ? "; Secure" : ""));
        ctx.header(Header.CACHE_CONTROL, "no-store");
        ctx.redirect(DASHBOARD_PATH, HttpStatus.SEE_OTHER);
    }

    private static void sendForm(Context ctx, int status, String problem) {
        ctx.status(status)
                .header("Content-Security-Policy", LOGIN_POLICY)
                .header(Header.CACHE_CONTROL, "no-store")
                .contentType("text/html; charset=utf-8")
                .result("""
                        <!doctype html>
                        <html lang="en"><head><meta charset="utf-8"><title>hbew-indicators: read token</title>
                        <style>body{font:16px system-ui,sans-serif;margin:4rem auto;max-width:28rem}
                        input{font:inherit;width:100%%;margin:.5rem 0}</style></head>
                        <body><h1>Read token</h1>
                        <p>This instance answers only with its read token: the <code>reader=</code> line of the
                        tokens file, or the value of <code>--read-token</code>.</p>
                        <p role="alert">%s</p>
                        <form method="post" action="%s"><label>Token
                        <input type="password" name="token" autocomplete="current-password" required autofocus></label>
                        <button type="submit">Open the dashboard</button></form></body></html>
                        """.formatted(problem, LOGIN_PATH));
    }

    private static ApiError unauthorized() {
        return ApiError.of(401, "unauthorized", "this instance requires its read token: "
                        + "Authorization: Bearer <token> (the reader= line of the tokens file, or --read-token)")
                .withHeader(Header.WWW_AUTHENTICATE, "Bearer realm=\"hbew\"");
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
