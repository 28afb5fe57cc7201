package org.hbew.indicators.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.processors.errors.DeadLetterHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus of hostile raw records ({@code hostile/raw-records.jsonl}: a producer that bypassed ingest, a
 * careless one, an attacker), each piped in order among good records, and each ending where the corpus says:
 * counted, a duplicate, late, or dead-lettered with the reason it names. Nothing throws, nothing is lost:
 * {@code received = counted + duplicates + late + dead-lettered} after every record.
 */
class HostileRawRecordsTest {

    /** The wall clock the corpus' times are written against. */
    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");

    @TempDir
    Path stateDir;
    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(stateDir, TopologySettings.defaults(1), NOW);
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    private record Case(String name, String key, byte[] value, String expect) {
    }

    private static List<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = HostileRawRecordsTest.class.getResourceAsStream("/hostile/raw-records.jsonl");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                JsonNode c = Json.mapper().readTree(line);
                byte[] value = c.hasNonNull("valueHex") ? HexFormat.of().parseHex(c.get("valueHex").asText())
                        : c.hasNonNull("value") ? c.get("value").asText().getBytes(StandardCharsets.UTF_8) : null;
                cases.add(new Case(c.get("name").asText(), c.hasNonNull("key") ? c.get("key").asText() : null, value,
                        c.get("expect").asText()));
            }
        }
        return cases;
    }

    private Map<Accounting.Outcome, Long> accounting() {
        return Accounting.read((ReadOnlyKeyValueStore<String, Long>) harness.driver.getAllStateStores()
                .get(Accounting.STORE));
    }

    @Test
    void shouldSendEveryHostileRecordWhereTheCorpusSaysAndKeepTheAccountsBalanced() throws IOException {
        List<Case> cases = corpus();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Map<Accounting.Outcome, Long> before = new EnumMap<>(accounting());
            harness.raw.pipeInput(new TestRecord<>(c.key(), c.value(), new RecordHeaders(), NOW));
            String outcome = outcome(before, accounting());
            if (!outcome.equals(c.expect())) {
                wrong.add(c.name() + ": expected " + c.expect() + " but was " + outcome);
            }
            Map<Accounting.Outcome, Long> now = accounting();
            assertThat(now.get(Accounting.Outcome.RECEIVED)).as("balanced after %s", c.name()).isEqualTo(
                    now.get(Accounting.Outcome.COUNTED) + now.get(Accounting.Outcome.DUPLICATE)
                            + now.get(Accounting.Outcome.LATE) + now.get(Accounting.Outcome.DEAD_LETTERED));
        }
        assertThat(wrong).as("records that did not end where the corpus says").isEmpty();
        assertThat(accounting().get(Accounting.Outcome.RECEIVED)).isEqualTo(cases.size());
    }

    /** Where the last record went: {@code dlq:<reason>} from the dead letter's header, or the accounting outcome. */
    private String outcome(Map<Accounting.Outcome, Long> before, Map<Accounting.Outcome, Long> after) {
        List<TestRecord<String, byte[]>> dead = harness.dlq.readRecordsToList();
        if (!dead.isEmpty()) {
            return "dlq:" + TopologyHarness.header(dead.get(dead.size() - 1).headers(), DeadLetterHeaders.REASON);
        }
        if (!harness.late.readRecordsToList().isEmpty()) {
            return "late";
        }
        for (Accounting.Outcome o : List.of(Accounting.Outcome.COUNTED, Accounting.Outcome.DUPLICATE)) {
            if (after.get(o) > before.get(o)) {
                return o.key().equals("duplicate") ? "duplicate" : "counted";
            }
        }
        return "nowhere";
    }
}
