package org.hbew.indicators.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.ingest.IngestConfig;
import org.hbew.indicators.json.Json;

/**
 * One request of the HTTP load: an NDJSON body of one city's events, posted with that city's own token as a
 * city data office would. Bodies are made before timing so the clients spend their CPU on HTTP, not JSON.
 *
 * @param events how many events the body holds
 */
record PostBatch(String city, String token, byte[] body, int events) {

    /**
     * Cuts the events into batches of at most {@code batchSize} per city, in the order the events come, so the
     * batches follow the stream's time as the clients take them in turn.
     *
     * @param tokens the bearer token of each city
     * @throws IllegalArgumentException if a body would exceed ingest's default body limit
     */
    static List<PostBatch> of(List<EventEnvelope> events, int batchSize, Map<String, String> tokens) {
        Map<String, Builder> open = new LinkedHashMap<>();
        List<PostBatch> batches = new ArrayList<>();
        for (EventEnvelope event : events) {
            Builder builder = open.computeIfAbsent(event.city(), city -> new Builder(city, token(tokens, city)));
            builder.add(event);
            if (builder.count == batchSize) {
                batches.add(builder.build());
                open.remove(event.city());
            }
        }
        open.values().forEach(b -> batches.add(b.build()));
        return batches;
    }

    static long totalEvents(List<PostBatch> batches) {
        return batches.stream().mapToLong(PostBatch::events).sum();
    }

    private static String token(Map<String, String> tokens, String city) {
        String token = tokens.get(city);
        if (token == null) {
            throw new IllegalArgumentException("no ingest token for city " + city);
        }
        return token;
    }

    private static final class Builder {
        private final String city;
        private final String token;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private int count;

        Builder(String city, String token) {
            this.city = city;
            this.token = token;
        }

        void add(EventEnvelope event) {
            try {
                body.writeBytes(Json.mapper().writeValueAsBytes(event));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot write a generated event as JSON", e);
            }
            body.write('\n');
            count++;
        }

        PostBatch build() {
            if (body.size() > IngestConfig.DEFAULT_MAX_BODY_BYTES) {
                throw new IllegalArgumentException("a batch of " + count + " events is " + body.size()
                        + " bytes, over ingest's limit of " + IngestConfig.DEFAULT_MAX_BODY_BYTES
                        + " bytes; use a smaller --batch-size");
            }
            return new PostBatch(city, token, body.toByteArray(), count);
        }
    }
}
