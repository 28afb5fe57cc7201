package org.hbew.indicators.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.json.JsonSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the topology writes to each downstream topic satisfies that topic's published JSON Schema. */
class DownstreamSchemaTest {

    private static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");

    @TempDir
    Path stateDir;
    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(stateDir, TopologySettings.defaults(1), T0);
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    @Test
    void shouldWriteOnlyRecordsTheSchemasAccept() {
        harness.send(Events.plain("ordos", 2, "road_link_progress", 35, "percent", T0));
        harness.send(Events.plain("baotou", 6, "online_service_transactions", 40, "count", T0.plusSeconds(1)));
        harness.send(Events.settlement("ordos", "hohhot", 800, true, 30, T0.plusSeconds(2)));
        harness.send(Events.settlement("hohhot", "ulanqab", 1200, false, 4000, T0.plusSeconds(3)));
        harness.send(Events.transferCompleted("baotou", "ordos", 6, T0.plusSeconds(4)));
        harness.send(Events.emergency("ulanqab", "hohhot", 14.0, T0.plusSeconds(5)));
        harness.send(Events.emergency("ulanqab", "baotou", null, T0.plusSeconds(6)));
        harness.driver.advanceWallClockTime(Duration.ofHours(2));

        assertAllValid(harness.drain(harness.city), JsonSchemas.INDICATORS_CITY, 16);
        assertAllValid(harness.drain(harness.region), JsonSchemas.INDICATORS_REGION, 16);
        assertAllValid(harness.drain(harness.flows), JsonSchemas.FLOWS, 10);
        assertAllValid(harness.drain(harness.status), JsonSchemas.INDICATORS_STATUS, 176);
    }

    private static <V> void assertAllValid(List<TestRecord<String, V>> records, String schema, int atLeast) {
        assertThat(records).as("records checked against %s", schema).hasSizeGreaterThanOrEqualTo(atLeast);
        for (TestRecord<String, V> record : records) {
            JsonNode json = Json.mapper().valueToTree(record.value());
            assertThat(JsonSchemas.violations(schema, json)).as("%s %s", schema, json).isEmpty();
        }
    }
}
