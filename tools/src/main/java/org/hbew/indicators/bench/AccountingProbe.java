package org.hbew.indicators.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.hbew.indicators.json.Json;

/**
 * Reads {@code GET /v1/accounting} of a processor instance: where the records of hbew.events.raw went, from its
 * exactly-once accounting store rather than from metrics. Empty while the answer is not there yet (stores
 * still restoring, instance starting).
 */
final class AccountingProbe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI uri;

    AccountingProbe(URI processorsUrl) {
        this.uri = URI.create(processorsUrl.toString().replaceAll("/+$", "") + "/v1/accounting");
    }

    Optional<BenchReport.Accounting> read() throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(parse(response.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static BenchReport.Accounting parse(String body) throws IOException {
        JsonNode json = Json.mapper().readTree(body);
        return new BenchReport.Accounting(json.path("received").asLong(), json.path("counted").asLong(),
                json.path("duplicates").asLong(), json.path("late").asLong(), json.path("deadLettered").asLong());
    }
}
