package org.hbew.indicators.processors.query;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.hbew.indicators.json.Json;

/** The JDK's HTTP client, shaped for asking a query API in tests. */
final class HttpProbe {

    /** An answer: status, headers looked up by name, the body as text and, if it is JSON, as a tree. */
    record Answer(int status, HttpResponse<String> response) {

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        boolean stale() {
            return header("X-Data-Stale").map("true"::equals).orElse(false);
        }

        String body() {
            return response.body();
        }

        JsonNode json() {
            try {
                return Json.mapper().readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not a JSON body: " + response.body(), e);
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    HttpProbe(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Answer get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }
}
