package org.hbew.indicators.processors.query;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /}: the built-in live dashboard, one self-contained HTML page (its CSS and script inline) that
 * polls {@code /v1/status} and {@code /v1/flows} of the instance that served it. Its Content-Security-Policy
 * lets it reach only that instance, so nothing is ever fetched from the internet.
 */
final class DashboardPage {

    static final String RESOURCE = "dashboard/index.html";
    private static final String POLICY = "default-src 'none'; connect-src 'self'; style-src 'unsafe-inline'; "
            + "script-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

    private final byte[] html;

    DashboardPage() {
        try (InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            html = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get("/", ctx -> ctx
                .header("Content-Security-Policy", POLICY)
                .header("Cache-Control", "no-cache")
                .contentType("text/html; charset=utf-8")
                .result(html));
    }
}
