package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.Test;

class PostBatchTest {

    private static final Map<String, String> TOKENS = Map.of("hohhot", "t-h", "baotou", "t-b", "ordos", "t-o",
            "ulanqab", "t-u");

    private final List<EventEnvelope> events = new EventSets(CatalogLoader.loadDefault(), 7,
            Clock.fixed(Instant.parse("2024-09-01T08:00:00Z"), ZoneOffset.UTC)).next(1_000);

    @Test
    void shouldPutOnlyOneCitysEventsIntoABatchWithThatCitysToken() throws IOException {
        List<PostBatch> batches = PostBatch.of(events, 50, TOKENS);

        for (PostBatch batch : batches) {
            assertThat(batch.token()).isEqualTo(TOKENS.get(batch.city()));
            List<JsonNode> lines = lines(batch);
            assertThat(lines).hasSize(batch.events()).hasSizeLessThanOrEqualTo(50);
            assertThat(lines).allSatisfy(line -> assertThat(line.path("city").asText()).isEqualTo(batch.city()));
        }
    }

    @Test
    void shouldCarryEveryEventExactlyOnce() throws IOException {
        List<PostBatch> batches = PostBatch.of(events, 64, TOKENS);

        List<String> ids = new ArrayList<>();
        for (PostBatch batch : batches) {
            lines(batch).forEach(line -> ids.add(line.path("eventId").asText()));
        }
        assertThat(PostBatch.totalEvents(batches)).isEqualTo(1_000);
        assertThat(ids).containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
    }

    @Test
    void shouldRefuseBatchesLargerThanIngestAccepts() {
        assertThatIllegalArgumentException().isThrownBy(() -> PostBatch.of(new EventSets(CatalogLoader.loadDefault(),
                        7, Clock.systemUTC()).next(20_000), 5_000, TOKENS))
                .withMessageContaining("use a smaller --batch-size");
    }

    private static List<JsonNode> lines(PostBatch batch) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(batch.body(), StandardCharsets.UTF_8).split("\n")) {
            lines.add(Json.mapper().readTree(line));
        }
        return lines;
    }
}
