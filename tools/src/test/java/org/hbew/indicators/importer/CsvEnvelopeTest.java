package org.hbew.indicators.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.Test;

class CsvEnvelopeTest {

    private static final String HEADER = "eventId,city,item,indicator,occurredAt,value,unit,payload";

    @Test
    void shouldTurnAPlainRowIntoAnEnvelope() throws Exception {
        List<SourceRecord> records = read(HEADER + "\n"
                + "6f1c1b2e-8a5d-4d0e-9f43-2b7a9c1d0e11,ordos,6,online_service_transactions,"
                + "2026-03-01T10:15:00+08:00,12,count,\n");

        assertThat(records).hasSize(1);
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThat(json(records.get(0))).isEqualTo(Json.mapper().readTree("{\"schemaVersion\":1,"
                + "\"eventId\":\"6f1c1b2e-8a5d-4d0e-9f43-2b7a9c1d0e11\",\"city\":\"ordos\",\"item\":6,"
                + "\"indicator\":\"online_service_transactions\",\"occurredAt\":\"2026-03-01T10:15:00+08:00\","
                + "\"value\":12,\"unit\":\"count\"}"));
    }

    @Test
    void shouldTurnAQuotedPayloadIntoTheFlowPayload() throws Exception {
        String payload = "{\"\"insuredCity\"\":\"\"ordos\"\",\"\"treatmentCity\"\":\"\"hohhot\"\",\"\"amount\"\":3250.5,"
                + "\"\"direct\"\":true,\"\"dischargedAt\"\":\"\"2026-03-01T09:00:00+08:00\"\","
                + "\"\"settledAt\"\":\"\"2026-03-01T09:05:00+08:00\"\"}";
        List<SourceRecord> records = read(HEADER + "\n"
                + "6f1c1b2e-8a5d-4d0e-9f43-2b7a9c1d0e12,hohhot,18,medical.settlement,2026-03-01T09:06:00+08:00,,,\""
                + payload + "\"\n");

        JsonNode event = json(records.get(0));
        assertThat(event.has("value")).isFalse();
        assertThat(event.has("unit")).isFalse();
        assertThat(event.get("payload").get("amount").asDouble()).isEqualTo(3250.5);
        assertThat(event.get("payload").get("direct").asBoolean()).isTrue();
    }

    @Test
    void shouldReadARecordWhoseQuotedPayloadSpansLines() throws Exception {
        List<SourceRecord> records = read(HEADER + "\n"
                + "6f1c1b2e-8a5d-4d0e-9f43-2b7a9c1d0e13,baotou,20,pension.transfer,2026-03-01T09:06:00+08:00,,,\"{\n"
                + "  \"\"fromCity\"\": \"\"baotou\"\", \"\"toCity\"\": \"\"ordos\"\",\n"
                + "  \"\"stage\"\": \"\"requested\"\", \"\"requestedAt\"\": \"\"2026-03-01T09:00:00+08:00\"\"}\"\n"
                + "\n"
                + "6f1c1b2e-8a5d-4d0e-9f43-2b7a9c1d0e14,baotou,6,online_service_transactions,"
                + "2026-03-01T10:15:00+08:00,3,count,\n");

        assertThat(records).extracting(SourceRecord::line).containsExactly(2L, 6L);
        assertThat(json(records.get(0)).get("payload").get("toCity").asText()).isEqualTo("ordos");
        assertThat(records.get(0).original()).contains("\n  \"\"stage\"\"");
    }

    @Test
    void shouldPassOnWhatIsNotANumberForIngestToJudge() throws Exception {
        List<SourceRecord> records = read(HEADER + "\n"
                + "6f1c1b2e-8a5d-4d0e-9f43-2b7a9c1d0e15,ordos,six,online_service_transactions,"
                + "2026-03-01T10:15:00+08:00,NaN,count,\n");

        JsonNode event = json(records.get(0));
        assertThat(event.get("item").isTextual()).isTrue();
        assertThat(event.get("value").asText()).isEqualTo("NaN");
    }

    @Test
    void shouldRefuseWhatCannotBecomeJson() throws Exception {
        List<SourceRecord> records = read(HEADER + "\n"
                + "6f1c1b2e-8a5d-4d0e-9f43-2b7a9c1d0e16,ordos,18,medical.settlement,2026-03-01T10:15:00+08:00,,,{oops\n"
                + "6f1c1b2e-8a5d-4d0e-9f43-2b7a9c1d0e17,ordos,6\n");

        assertThat(records).noneMatch(SourceRecord::usable);
        assertThat(records.get(0).field()).isEqualTo("payload");
        assertThat(records.get(0).problem()).startsWith("is not valid JSON");
        assertThat(records.get(1).problem()).isEqualTo("has 3 cells, the header has 8");
        assertThat(records.get(1).original()).isEqualTo("6f1c1b2e-8a5d-4d0e-9f43-2b7a9c1d0e17,ordos,6");
    }

    @Test
    void shouldAcceptColumnsInAnyOrderWithASchemaVersionAndAByteOrderMark() throws Exception {
        List<SourceRecord> records = read("\uFEFFcity,eventId,schemaVersion,item,indicator,occurredAt,value,unit\n"
                + "ordos,6f1c1b2e-8a5d-4d0e-9f43-2b7a9c1d0e18,2,6,online_service_transactions,"
                + "2026-03-01T10:15:00+08:00,12,count\n");

        assertThat(json(records.get(0)).get("schemaVersion").asInt()).isEqualTo(2);
        assertThat(json(records.get(0)).get("city").asText()).isEqualTo("ordos");
    }

    @Test
    void shouldFailOnAHeaderThatDoesNotFit() {
        assertThatThrownBy(() -> read("eventId,town,item,indicator,occurredAt,value\n"))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("unknown column 'town'")
                .hasMessageContaining("column 'city' is missing");
    }

    @Test
    void shouldSplitFieldsTheRfc4180Way() {
        assertThat(CsvFields.split("a,\"b,c\",\"say \"\"hi\"\"\",,d")).containsExactly("a", "b,c", "say \"hi\"", "", "d");
        assertThat(CsvFields.insideQuotes("a,\"b")).isTrue();
        assertThat(CsvFields.insideQuotes("a,\"b\"\"c\"")).isFalse();
    }

    private static List<SourceRecord> read(String csv) throws Exception {
        List<SourceRecord> records = new ArrayList<>();
        try (CsvSource source = new CsvSource(new BufferedReader(new StringReader(csv)))) {
            SourceRecord record;
            while ((record = source.next()) != null) {
                records.add(record);
            }
        }
        return records;
    }

    private static JsonNode json(SourceRecord record) throws Exception {
        assertThat(record.usable()).as("usable: %s", record).isTrue();
        return Json.mapper().readTree(record.json());
    }
}
