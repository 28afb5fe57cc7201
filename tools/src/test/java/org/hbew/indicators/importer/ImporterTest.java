package org.hbew.indicators.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.ingestclient.IngestClient;
import org.hbew.indicators.ingestclient.RetryPolicy;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.testing.FakeIngest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {

    @TempDir
    Path dir;

    private FakeIngest ingest;

    @BeforeEach
    void startIngest() throws Exception {
        ingest = new FakeIngest(CatalogLoader.loadDefault());
    }

    @AfterEach
    void stopIngest() {
        ingest.close();
    }

    @Test
    void shouldImportTheGoodLinesAndFileTheBadOnesWithTheirLineNumbers() throws Exception {
        // Given 9 good lines, a blank line, and 2 bad lines among them
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            lines.add(plain(UUID.randomUUID(), 12));
        }
        lines.add(3, "");
        lines.add(5, plain(UUID.randomUUID(), 12.5));
        lines.add(8, "{not json");
        Path file = write("history.ndjson", lines);

        // When it is imported in batches of 4
        ImportSummary summary = importer(file, 4, 2).run(file, ProgressReporter.silent());

        // Then the good ones are accepted and the bad ones are in the rejects file, by line number
        assertThat(summary.outcome()).isEqualTo(ImportSummary.Outcome.SOME_REJECTED);
        assertThat(summary.read()).isEqualTo(11);
        assertThat(summary.accepted()).isEqualTo(9);
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(ingest.accepted()).hasSize(9).doesNotContain(lines.get(5), lines.get(8));
        List<JsonNode> rejects = rejects(file);
        assertThat(rejects).extracting(r -> r.get("line").asLong()).containsExactlyInAnyOrder(6L, 9L);
        assertThat(rejects).filteredOn(r -> r.get("line").asLong() == 6).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("reason").asText()).contains("value").contains("whole number");
                    assertThat(r.get("original").asText()).isEqualTo(lines.get(5));
                });
    }

    @Test
    void shouldCompleteAndWriteNoRejectsFileWhenEverythingIsAccepted() throws Exception {
        Path file = write("good.ndjson", List.of(plain(UUID.randomUUID(), 1), plain(UUID.randomUUID(), 2)));
        Path stale = ImportConfig.defaultRejectsFile(file);
        Files.writeString(stale, "from an earlier run\n");

        ImportSummary summary = importer(file, 500, 2).run(file, ProgressReporter.silent());

        assertThat(summary.outcome()).isEqualTo(ImportSummary.Outcome.COMPLETE);
        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(stale).doesNotExist();
    }

    @Test
    void shouldImportCsv() throws Exception {
        String header = "eventId,city,item,indicator,occurredAt,value,unit,payload";
        List<String> lines = List.of(header, csv(UUID.randomUUID(), "12"), csv(UUID.randomUUID(), "-3"),
                csv(UUID.randomUUID(), "7"));
        Path file = write("history.csv", lines);

        ImportSummary summary = importer(file, 500, 2).run(file, ProgressReporter.silent());

        assertThat(summary.accepted()).isEqualTo(2);
        assertThat(rejects(file)).singleElement().satisfies(r -> {
            assertThat(r.get("line").asLong()).isEqualTo(3);
            assertThat(r.get("reason").asText()).startsWith("value:");
            assertThat(r.get("original").asText()).isEqualTo(lines.get(2));
        });
    }

    @Test
    void shouldHalveABatchThatIsTooLarge() throws Exception {
        ingest.answer(413, "{\"error\":\"too_many_events\",\"message\":\"split it\"}", Map.of());
        Path file = write("four.ndjson", List.of(plain(UUID.randomUUID(), 1), plain(UUID.randomUUID(), 2),
                plain(UUID.randomUUID(), 3), plain(UUID.randomUUID(), 4)));

        ImportSummary summary = importer(file, 4, 1).run(file, ProgressReporter.silent());

        assertThat(summary.outcome()).isEqualTo(ImportSummary.Outcome.COMPLETE);
        assertThat(ingest.requestSizes()).containsExactly(4, 2, 2);
    }

    @Test
    void shouldStopWhenIngestRefusesTheToken() throws Exception {
        ingest.answer(401, "{\"error\":\"unauthorized\",\"message\":\"the bearer token is not valid\"}", Map.of());
        Path file = write("one.ndjson", List.of(plain(UUID.randomUUID(), 1)));

        ImportSummary summary = importer(file, 500, 2).run(file, ProgressReporter.silent());

        assertThat(summary.outcome()).isEqualTo(ImportSummary.Outcome.FAILED);
        assertThat(summary.failure()).hasValueSatisfying(f -> assertThat(f).contains("401", "not valid"));
    }

    @Test
    void shouldReportProgressFromTheBytesRead() throws Exception {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            lines.add(plain(UUID.randomUUID(), i));
        }
        Path file = write("fifty.ndjson", lines);
        List<ImportProgress> updates = new ArrayList<>();

        importer(file, 10, 1).run(file, new ProgressReporter() {
            @Override
            public synchronized void update(ImportProgress progress) {
                updates.add(progress);
            }

            @Override
            public synchronized void finish(ImportProgress progress) {
                updates.add(progress);
            }
        });

        assertThat(updates).hasSize(6);
        ImportProgress last = updates.get(updates.size() - 1);
        assertThat(last.bytesRead()).isEqualTo(Files.size(file));
        assertThat(last.fraction()).isEqualTo(1.0);
        assertThat(last.accepted()).isEqualTo(50);
    }

    private Importer importer(Path file, int batchSize, int parallelism) {
        IngestClient client = new IngestClient(ingest.url(), HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).build(), Duration.ofSeconds(10), RetryPolicy.defaults());
        return new Importer(client, new ImportConfig("admin-token", batchSize, parallelism, ImportFormat.AUTO,
                ImportConfig.defaultRejectsFile(file)));
    }

    private Path write(String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    private List<JsonNode> rejects(Path file) throws Exception {
        Path rejects = ImportConfig.defaultRejectsFile(file);
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(rejects)) {
            nodes.add(Json.mapper().readTree(line));
        }
        return nodes;
    }

    private static String plain(UUID id, double value) {
        return "{\"schemaVersion\":1,\"eventId\":\"" + id + "\",\"city\":\"ordos\",\"item\":6,"
                + "\"indicator\":\"online_service_transactions\",\"occurredAt\":\"" + recently() + "\",\"value\":"
                + (value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value))
                + ",\"unit\":\"count\"}";
    }

    private static String csv(UUID id, String value) {
        return id + ",ordos,6,online_service_transactions," + recently() + "," + value + ",count,";
    }

    private static String recently() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).withSecond(0).withMinute(0)
                .toString();
    }
}
