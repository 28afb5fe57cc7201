package org.hbew.indicators.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.Test;

/** The error body as clients read it: {@code problems} only where there are some. */
class ErrorBodyTest {

    record Problem(int index, String field) {
    }

    @Test
    void shouldWriteErrorsAsErrorAndMessageOnly() {
        JsonNode body = Json.mapper().valueToTree(new ErrorBody("unavailable", "Kafka Streams is REBALANCING"));

        assertThat(body.fieldNames()).toIterable().containsExactly("error", "message");
    }

    @Test
    void shouldWriteProblemsAndTheirCountAfterTheMessageWhenThereAreSome() {
        JsonNode body = Json.mapper().valueToTree(new ErrorBody("invalid_events", "1 event is invalid",
                List.of(new Problem(3, "unit")), 1));

        assertThat(body.fieldNames()).toIterable().containsExactly("error", "message", "problems", "problemCount");
        assertThat(body.at("/problems/0/index").asInt()).isEqualTo(3);
        assertThat(body.at("/problems/0/field").asText()).isEqualTo("unit");
    }
}
