package org.hbew.indicators.tools;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.launcher.EnvironmentDefaults;
import org.hbew.indicators.launcher.ExitCodes;
import org.hbew.indicators.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hbew import} against a real ingest gateway and broker: good records land on hbew.events.raw,
 * bad ones are in the rejects file with their line numbers, and the exit code says which happened.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ImportIT {

    private static final String ADMIN_TOKEN = "admin-token-for-import-it";
    private static final String HOHHOT_TOKEN = "hohhot-token-for-import-it";
    private static final String CSV_HEADER = "eventId,city,item,indicator,occurredAt,value,unit,payload";

    private static TestStack stack;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void start() {
        stack = TestStack.withIngest(Map.of("admin", ADMIN_TOKEN, "hohhot", HOHHOT_TOKEN));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldImportTheGoodNdjsonLinesAndRejectTheBadOnesByLineNumber() throws Exception {
        // Given an NDJSON file with 20 good events and 3 bad lines (a wrong unit, an unknown item, not JSON)
        List<UUID> good = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID id = UUID.randomUUID();
            good.add(id);
            lines.add(plain(id, i % 2 == 0 ? "ordos" : "baotou", "count"));
        }
        lines.add(4, plain(UUID.randomUUID(), "ordos", "km"));
        lines.add(11, plain(UUID.randomUUID(), "ordos", "count").replace("\"item\":6", "\"item\":23"));
        lines.add(17, "{\"eventId\": oops");
        Path file = write("history.ndjson", lines);

        // When it is imported in batches of 7
        int exit = run("import", file.toString(), "--url", stack.ingestUrl().toString(), "--token", ADMIN_TOKEN,
                "--batch-size", "7");

        // Then the good events are on the topic, the bad lines in the rejects file, and the exit code says so
        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(out.toString()).contains("23 read, 20 accepted, 3 rejected");
        assertThat(eventIdsOnTopic()).containsAll(good);
        List<JsonNode> rejects = rejects(file);
        assertThat(rejects).extracting(r -> r.get("line").asInt()).containsExactlyInAnyOrder(5, 12, 18);
        assertThat(rejects).filteredOn(r -> r.get("line").asInt() == 5).singleElement()
                .satisfies(r -> {
                    assertThat(r.get("reason").asText()).startsWith("unit:");
                    assertThat(r.get("original").asText()).isEqualTo(lines.get(4));
                });
        assertThat(rejects).filteredOn(r -> r.get("line").asInt() == 18).singleElement()
                .satisfies(r -> assertThat(r.get("reason").asText()).contains("not valid JSON"));
    }

    @Test
    void shouldImportCsvWithFlowPayloads() throws Exception {
        UUID plainId = UUID.randomUUID();
        UUID flowId = UUID.randomUUID();
        String at = hourAgo();
        String payload = "{\"\"insuredCity\"\":\"\"ordos\"\",\"\"treatmentCity\"\":\"\"hohhot\"\",\"\"amount\"\":3250.5,"
                + "\"\"direct\"\":true,\"\"dischargedAt\"\":\"\"" + at + "\"\",\"\"settledAt\"\":\"\"" + at + "\"\"}";
        Path file = write("history.csv", List.of(CSV_HEADER,
                plainId + ",ulanqab,6,online_service_transactions," + at + ",42,count,",
                flowId + ",hohhot,18,medical.settlement," + at + ",,,\"" + payload + "\"",
                UUID.randomUUID() + ",hohhot,18,medical.settlement," + at + ",,,\"{broken\"",
                UUID.randomUUID() + ",ulanqab,6,online_service_transactions," + at + ",4.5,count,"));

        int exit = run("import", file.toString(), "--url", stack.ingestUrl().toString(), "--token", ADMIN_TOKEN);

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(eventIdsOnTopic()).contains(plainId, flowId);
        assertThat(rejects(file)).extracting(r -> r.get("line").asInt()).containsExactlyInAnyOrder(4, 5);
    }

    @Test
    void shouldExitZeroWhenEverythingIsAccepted() throws Exception {
        UUID id = UUID.randomUUID();
        Path file = write("clean.ndjson", List.of(plain(id, "hohhot", "count")));

        int exit = run("import", file.toString(), "--url", stack.ingestUrl().toString(), "--token", ADMIN_TOKEN);

        assertThat(exit).as(err.toString()).isEqualTo(ExitCodes.OK);
        assertThat(eventIdsOnTopic()).contains(id);
        assertThat(Path.of(file + ".rejects.ndjson")).doesNotExist();
    }

    @Test
    void shouldRejectTheEventsOfOtherCitiesWhenImportingWithACityToken() throws Exception {
        UUID own = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        Path file = write("mixed.ndjson", List.of(plain(own, "hohhot", "count"), plain(other, "ordos", "count")));

        int exit = run("import", file.toString(), "--url", stack.ingestUrl().toString(), "--token", HOHHOT_TOKEN);

        assertThat(exit).isEqualTo(ExitCodes.SOME_REJECTED);
        assertThat(eventIdsOnTopic()).contains(own).doesNotContain(other);
        assertThat(rejects(file)).singleElement().satisfies(r -> {
            assertThat(r.get("line").asInt()).isEqualTo(2);
            assertThat(r.get("reason").asText()).contains("may not write events of 'ordos'");
        });
    }

    @Test
    void shouldFailWithAWrongToken() throws Exception {
        Path file = write("any.ndjson", List.of(plain(UUID.randomUUID(), "hohhot", "count")));

        int exit = run("import", file.toString(), "--url", stack.ingestUrl().toString(), "--token", "wrong");

        assertThat(exit).isEqualTo(ExitCodes.FAILED);
        assertThat(err.toString()).contains("401");
    }

    private int run(String... args) {
        var commandLine = HbewTools.commandLine(new EnvironmentDefaults(Map.of()));
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    private Path write(String name, List<String> lines) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, lines);
        return file;
    }

    private static List<JsonNode> rejects(Path file) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(file + ".rejects.ndjson"))) {
            nodes.add(Json.mapper().readTree(line));
        }
        return nodes;
    }

    private static Set<UUID> eventIdsOnTopic() {
        return stack.readRaw().stream().map(r -> UUID.fromString(json(r.value()).get("eventId").asText()))
                .collect(Collectors.toSet());
    }

    private static JsonNode json(byte[] bytes) {
        try {
            return Json.mapper().readTree(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String plain(UUID id, String city, String unit) {
        return "{\"schemaVersion\":1,\"eventId\":\"" + id + "\",\"city\":\"" + city + "\",\"item\":6,"
                + "\"indicator\":\"online_service_transactions\",\"occurredAt\":\"" + hourAgo() + "\",\"value\":12,"
                + "\"unit\":\"" + unit + "\"}";
    }

    private static String hourAgo() {
        return OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1).withNano(0).toString();
    }
}
