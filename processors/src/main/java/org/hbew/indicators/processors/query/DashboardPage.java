package org.hbew.indicators.processors.query;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The operators' page: {@code GET /} (the status grid) and {@code GET /items/{item}} (one item's history), both the
 * same HTML shell whose plain JavaScript modules draw the view the address names, polling the query API of the
 * instance that served them. Everything the page loads comes from this jar: its own files under
 * {@code /assets/}, and the chart library uPlot, taken from its WebJar on the classpath and served with its licence
 * under {@code /assets/vendor/uplot/}. The Content-Security-Policy lets the page reach only this instance, so
 * nothing is ever fetched from the internet.
 */
final class DashboardPage {

    static final String SHELL = "dashboard/index.html";
    /** The page's own files, by the name they are served under {@code /assets/}. */
    static final Map<String, String> OWN_FILES = Map.of(
            "app.css", "text/css",
            "main.js", "text/javascript",
            "api.js", "text/javascript",
            "i18n.js", "text/javascript",
            "dom.js", "text/javascript",
            "grid.js", "text/javascript",
            "item.js", "text/javascript",
            "charts.js", "text/javascript",
            "flows.js", "text/javascript");
    private static final String UPLOT_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final String POLICY = "default-src 'none'; connect-src 'self'; style-src 'self'; "
            + "script-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final byte[] shell;
    private final Map<String, Asset> assets = new LinkedHashMap<>();

    DashboardPage() {
        shell = read(SHELL);
        OWN_FILES.forEach((name, type) -> assets.put(name, new Asset(read("dashboard/" + name), type)));
        String uplot = "META-INF/resources/webjars/uplot/" + uplotVersion() + "/";
        assets.put("vendor/uplot/uPlot.iife.min.js", new Asset(read(uplot + "dist/uPlot.iife.min.js"),
                "text/javascript"));
        assets.put("vendor/uplot/uPlot.min.css", new Asset(read(uplot + "dist/uPlot.min.css"), "text/css"));
        assets.put("vendor/uplot/LICENSE", new Asset(read(uplot + "LICENSE"), "text/plain"));
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get("/", this::sendShell);
        cfg.routes.get("/items/{item}", this::sendShell);
        cfg.routes.get("/assets/<file>", this::sendAsset);
    }

    private void sendShell(Context ctx) {
        ctx.header("Content-Security-Policy", POLICY)
                .header("Cache-Control", "no-cache")
                .contentType("text/html; charset=utf-8")
                .result(shell);
    }

    /** A file of the page, or 404 as JSON like every other unknown path. */
    private void sendAsset(Context ctx) {
        Asset asset = assets.get(ctx.pathParam("file"));
        if (asset == null) {
            throw QueryErrors.notFound("no file " + ctx.path() + " on this page");
        }
        ctx.header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .contentType(asset.type() + "; charset=utf-8")
                .result(asset.bytes());
    }

    /** The version of the uPlot WebJar on the classpath, so its path is written once, in the pom. */
    private static String uplotVersion() {
        Properties pom = new Properties();
        try (InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(UPLOT_POM)) {
            if (in == null) {
                throw new IllegalStateException(UPLOT_POM + " is not on the classpath: the uPlot WebJar is missing");
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + UPLOT_POM, e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = DashboardPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private record Asset(byte[] bytes, String type) {
    }
}
