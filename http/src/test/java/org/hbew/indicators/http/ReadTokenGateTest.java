package org.hbew.indicators.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read token over real HTTP, as Prometheus, another instance and a browser present it. */
class ReadTokenGateTest {

    private static final String TOKEN = "reader-token-0123456789";
    private static final Set<String> OPEN = Set.of("/healthz");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private Javalin server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void shouldAnswer401WithoutTheTokenAndTheRouteWithIt() throws Exception {
        serve(ReadTokenGate.requiring(Optional.of(TOKEN), OPEN, true));

        HttpResponse<String> without = get("/metrics", null);
        HttpResponse<String> wrong = get("/metrics", "Bearer not-the-token");
        HttpResponse<String> basic = get("/metrics", "Basic " + TOKEN);
        HttpResponse<String> with = get("/metrics", "Bearer " + TOKEN);

        assertThat(without.statusCode()).isEqualTo(401);
        assertThat(without.body()).contains("\"error\":\"unauthorized\"", "reader=").doesNotContain(TOKEN);
        assertThat(without.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"hbew\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(basic.statusCode()).isEqualTo(401);
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(with.body()).isEqualTo("metrics");
    }

    @Test
    void shouldLeaveTheOpenPathsOpen() throws Exception {
        serve(ReadTokenGate.requiring(Optional.of(TOKEN), OPEN, true));

        assertThat(get("/healthz", null).statusCode()).isEqualTo(200);
        assertThat(get("/v1/status", null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldAskABrowserForTheTokenOnceAndKeepItInACookie() throws Exception {
        serve(ReadTokenGate.requiring(Optional.of(TOKEN), OPEN, true));

        HttpResponse<String> form = get("/", null);
        HttpResponse<String> refused = post("token=wrong");
        HttpResponse<String> login = post("token=" + TOKEN);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String pair = cookie.substring(0, cookie.indexOf(';'));

        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("<form method=\"post\" action=\"/v1/session\"", "name=\"token\"")
                .doesNotContain("the dashboard itself");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).contains("/");
        assertThat(cookie).contains("HttpOnly", "SameSite=Strict", "Path=/");
        assertThat(send(HttpRequest.newBuilder(uri("/")).header("Cookie", pair)).body())
                .isEqualTo("the dashboard itself");
        assertThat(send(HttpRequest.newBuilder(uri("/v1/status")).header("Cookie", pair)).statusCode())
                .isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/v1/status")).header("Cookie", "hbew_read_token=guess"))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRequireNothingWithoutAToken() throws Exception {
        ReadTokenGate gate = ReadTokenGate.requiring(Optional.of(" "), OPEN, true);
        serve(gate);

        assertThat(gate.required()).isFalse();
        assertThat(get("/metrics", null).statusCode()).isEqualTo(200);
        assertThat(get("/", null).body()).isEqualTo("the dashboard itself");
    }

    private void serve(ReadTokenGate gate) {
        server = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            ErrorResponses.forService("the test service failed").install(cfg);
            gate.install(cfg);
            cfg.routes.get("/", ctx -> ctx.result("the dashboard itself"));
            cfg.routes.get("/healthz", ctx -> ctx.result("alive"));
            cfg.routes.get("/metrics", ctx -> ctx.result("metrics"));
            cfg.routes.get("/v1/status", ctx -> ctx.result("{}"));
        }).start();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private HttpResponse<String> post(String form) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(ReadTokenGate.LOGIN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
