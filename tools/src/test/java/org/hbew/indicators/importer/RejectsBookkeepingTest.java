package org.hbew.indicators.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringWriter;
import java.util.List;
import org.hbew.indicators.ingestclient.EventProblem;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.Test;

class RejectsBookkeepingTest {

    private final Batch batch = new Batch(List.of(
            SourceRecord.event(10, "{\"a\":1}", "{\"a\":1}"),
            SourceRecord.event(11, "{\"a\":2}", "{\"a\":2}"),
            SourceRecord.event(13, " {\"a\":3} ", "{\"a\":3}")));

    @Test
    void shouldRejectTheRecordsIngestNamesAndKeepTheRest() {
        Batch.Refusal refusal = batch.refuse(List.of(
                new EventProblem(1, "item", "unknown item 23"),
                new EventProblem(1, "value", "must be a whole number"),
                new EventProblem(2, "", "not valid JSON")), "ignored");

        assertThat(refusal.rejected()).extracting(r -> r.record().line()).containsExactly(11L, 13L);
        assertThat(refusal.rejected().get(0).reason()).isEqualTo("item: unknown item 23; value: must be a whole number");
        assertThat(refusal.remaining().jsons()).containsExactly("{\"a\":1}");
    }

    @Test
    void shouldRejectEverythingWhenIngestNamesNoRecordOfTheBatch() {
        Batch.Refusal refusal = batch.refuse(List.of(new EventProblem(7, "city", "elsewhere")), "forbidden");

        assertThat(refusal.rejected()).hasSize(3).allSatisfy(r -> assertThat(r.reason()).isEqualTo("forbidden"));
        assertThat(refusal.remaining().isEmpty()).isTrue();
    }

    @Test
    void shouldHalveABatch() {
        assertThat(batch.halves()).extracting(Batch::size).containsExactly(1, 2);
    }

    @Test
    void shouldWriteLineNumberReasonProblemsAndTheOriginal() throws Exception {
        StringWriter out = new StringWriter();
        RejectsFile rejects = RejectsFile.to(out);

        rejects.write(batch.refuse(List.of(new EventProblem(2, "unit", "must be 'count'")), "").rejected().get(0));
        rejects.write(Rejection.local(SourceRecord.unusable(20, "x,y", "", "has 2 cells, the header has 8")));
        rejects.flush();

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.get("line").asLong()).isEqualTo(13);
        assertThat(first.get("reason").asText()).isEqualTo("unit: must be 'count'");
        assertThat(first.get("problems").get(0).get("field").asText()).isEqualTo("unit");
        assertThat(first.get("original").asText()).isEqualTo(" {\"a\":3} ");
        JsonNode second = Json.mapper().readTree(lines.get(1));
        assertThat(second.get("line").asLong()).isEqualTo(20);
        assertThat(second.get("reason").asText()).isEqualTo("has 2 cells, the header has 8");
        assertThat(rejects.written()).isEqualTo(2);
    }
}
