package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

    @TempDir
    Path dir;

    @Test
    void shouldWriteJsonAndMarkdownNamedAfterTheStartOfTheRun() throws IOException {
        ReportFiles.Written written = ReportFiles.write(ReportFixtures.full(), dir);

        assertThat(written.json()).hasFileName("bench-20240901-080000.json");
        assertThat(written.markdown()).hasFileName("bench-20240901-080000.md");
        JsonNode json = Json.mapper().readTree(Files.readString(written.json()));
        assertThat(json.path("gateway").get(0).path("baseline").path("eventsPerSecond").asDouble()).isEqualTo(80_000);
        assertThat(json.path("gateway")).hasSize(2);
        assertThat(json.path("gateway").get(1).path("latency").path("p99Ms").asDouble()).isEqualTo(48.25);
        assertThat(json.path("processors").path("accounting").path("received").asLong()).isEqualTo(680_000);
        assertThat(json.path("standalone").path("first").path("peakRssBytes").asLong()).isEqualTo(1L << 30);
        assertThat(json.path("baseline").path("producer").path("recordsPerSecond").asDouble()).isEqualTo(400_000);
        assertThat(json.path("alos").path("guarantee").asText()).isEqualTo("at_least_once");
        assertThat(json.path("latency").path("latency").path("p99Ms").asDouble()).isEqualTo(300);
        assertThat(json.path("memory").path("peakRssBytes").asLong()).isEqualTo(1L << 30);
        assertThat(json.path("ratios").path("processorsToBaseline").asDouble()).isEqualTo(0.5);
        assertThat(json.path("settings").path("skipped")).isEmpty();
        assertThat(json.path("goals")).hasSize(9);
        assertThat(Files.readString(written.markdown())).isEqualTo(ReportFormatter.markdown(ReportFixtures.full()));
    }
}
