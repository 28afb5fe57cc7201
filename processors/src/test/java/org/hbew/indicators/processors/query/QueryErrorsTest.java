package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import org.apache.logging.log4j.core.LogEvent;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the query API's error handling ({@link QueryErrors#RESPONSES}, as the server installs it) logs: nothing
 * with a stack for a bad parameter, and the stack exactly once for a genuine fault, whose answer is a 500 that
 * tells the client nothing of it. Over real HTTP, on a server with a route of each kind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryErrorsTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final String THREADS = "query-errors-test";
    private static final String DETAIL = "a detail for the log only";

    private Javalin app;
    private HttpProbe http;
    private CapturedLog log;

    @BeforeAll
    void startServer() {
        QueuedThreadPool threads = new QueuedThreadPool(8, 2);
        threads.setName(THREADS);
        app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.startup.showOldJavalinVersionWarning = false;
            cfg.startup.startupWatcherEnabled = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.jetty.threadPool = threads;
            QueryErrors.RESPONSES.install(cfg);
            cfg.routes.get("/bad", ctx -> QueryParams.item(CATALOG, "99"));
            cfg.routes.get("/broken", ctx -> {
                throw new IllegalStateException(DETAIL);
            });
        }).start();
        http = new HttpProbe(app.port());
        log = CapturedLog.ofThreads(THREADS);
    }

    @AfterAll
    void stopServer() {
        log.close();
        app.stop();
    }

    @BeforeEach
    void forgetEarlierLines() {
        log.clear();
    }

    @Test
    void shouldLogNoStackForABadParameter() {
        HttpProbe.Answer answer = http.get("/bad");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(log.events()).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(event -> assertThat(event.getThrown()).isNull());
    }

    @Test
    void shouldLogTheStackOfAGenuineFaultOnceAndAnswer500WithoutIt() {
        HttpProbe.Answer answer = http.get("/broken");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.json().get("error").asText()).isEqualTo("internal_error");
        assertThat(answer.body()).doesNotContain(DETAIL).doesNotContain("Exception");
        assertThat(log.events()).filteredOn(event -> event.getThrown() != null).singleElement()
                .satisfies(QueryErrorsTest::isTheFault);
        assertThat(log.events()).hasSize(1);
    }

    private static void isTheFault(LogEvent event) {
        assertThat(event.getThrown()).isInstanceOf(IllegalStateException.class).hasMessage(DETAIL);
        assertThat(event.getMessage().getFormattedMessage()).contains("GET /broken");
    }
}
