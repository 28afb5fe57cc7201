package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.launcher.EnvironmentDefaults;
import org.hbew.indicators.tools.HbewTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hbew bench --quick} end to end: a real broker, gateway, ProducerPerformance, processors under both
 * guarantees, the plain Kafka Streams job, and the processors' and standalone's child JVMs. It checks
 * that every section is there with figures that mean something was measured; it asserts no speed, since speed on
 * a shared machine is what the benchmark reports, not what a test can demand.
 */
class BenchCommandIT {

    @TempDir
    Path out;

    @Test
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void shouldMeasureEveryPhaseAndWriteBothReports() throws IOException {
        StringWriter stdout = new StringWriter();
        CommandLine commandLine = HbewTools.commandLine(new EnvironmentDefaults(Map.of()));
        commandLine.setOut(new PrintWriter(stdout));

        int exit = commandLine.execute("bench", "--quick", "--out", out.toString());

        assertThat(exit).isZero();
        assertThat(stdout.toString()).contains("raw producer", "gateway over HTTP", "B0 producer", "B0 consumer",
                "processors exactly_once_v2", "processors at_least_once", "plain Kafka Streams job",
                "end-to-end latency", "processors' memory", "standalone first start", "standalone restart");
        JsonNode report = Json.mapper().readTree(Files.readString(BenchOutput.report(out, ".json")));

        JsonNode gateway = report.path("gateway").get(0);
        JsonNode producer = gateway.path("baseline");
        assertThat(producer.path("events").asLong()).isPositive();
        assertThat(producer.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(producer.path("failed").asLong()).isZero();

        assertThat(gateway.path("events").asLong()).isEqualTo(report.path("settings").path("events").asLong());
        assertThat(gateway.path("eventsPerSecond").asDouble()).isPositive();
        assertThat(gateway.path("latency").path("p50Ms").asDouble()).isPositive();
        assertThat(gateway.path("latency").path("p99Ms").asDouble())
                .isGreaterThanOrEqualTo(gateway.path("latency").path("p50Ms").asDouble());
        assertThat(gateway.path("ratioToProducer").asDouble()).isPositive();
        assertThat(gateway.path("failed").asLong()).isZero();

        JsonNode b0 = report.path("baseline");
        assertThat(b0.path("producer").path("records").asLong())
                .isEqualTo(report.path("settings").path("baselineRecords").asLong());
        assertThat(b0.path("producer").path("recordsPerSecond").asDouble()).isPositive();
        assertThat(b0.path("meanRecordBytes").asDouble()).isGreaterThan(100);
        // the consumer reads the tool's warm-up records too
        assertThat(b0.path("consumer").path("records").asLong())
                .isGreaterThan(b0.path("producer").path("records").asLong());

        JsonNode processors = report.path("processors");
        assertThat(processors.path("guarantee").asText()).isEqualTo("exactly_once_v2");
        assertThat(processors.path("finished").asBoolean()).isTrue();
        assertThat(processors.path("accounting").path("received").asLong())
                .isEqualTo(processors.path("events").asLong()).isPositive();
        assertThat(processors.path("accounting").path("counted").asLong()).isPositive();
        assertThat(processors.path("eventsPerSecond").asDouble()).isPositive();
        JsonNode alos = report.path("alos");
        assertThat(alos.path("guarantee").asText()).isEqualTo("at_least_once");
        assertThat(alos.path("finished").asBoolean()).isTrue();
        assertThat(alos.path("events").asLong()).isEqualTo(processors.path("events").asLong());
        JsonNode plainJob = report.path("plainJob");
        assertThat(plainJob.path("finished").asBoolean()).isTrue();
        assertThat(plainJob.path("events").asLong()).isEqualTo(processors.path("events").asLong());
        // the stream threads were found by their names and used some CPU for every event
        for (JsonNode phase : List.of(processors, alos, plainJob)) {
            assertThat(phase.path("cpuMicrosPerEvent").asDouble()).isPositive();
        }
        for (String ratio : List.of("processorsToBaseline", "processorsToPlainJob", "plainJobToBaseline",
                "exactlyOnceToAtLeastOnce", "processorsToGateway", "cpuPerEventProcessorsToPlainJob")) {
            assertThat(report.path("ratios").path(ratio).asDouble()).as(ratio).isPositive();
        }

        JsonNode latency = report.path("latency");
        assertThat(latency.path("sent").asLong()).isPositive();
        assertThat(latency.path("latency").path("count").asLong()).isPositive();
        assertThat(latency.path("latency").path("p99Ms").asDouble())
                .isGreaterThanOrEqualTo(latency.path("latency").path("p50Ms").asDouble()).isPositive();

        JsonNode memory = report.path("memory");
        assertThat(memory.path("finished").asBoolean()).isTrue();
        assertThat(memory.path("distinctEvents").asLong())
                .isGreaterThanOrEqualTo(report.path("settings").path("memoryEvents").asLong());
        assertThat(memory.path("peakRssBytes").asLong()).isGreaterThanOrEqualTo(memory.path("rssBytes").asLong())
                .isPositive();

        JsonNode standalone = report.path("standalone");
        for (String start : List.of("first", "restart")) {
            JsonNode s = standalone.path(start);
            assertThat(s.path("readySeconds").asDouble()).as(start).isPositive();
            assertThat(s.path("rssBytes").asLong()).as(start).isPositive();
            assertThat(s.path("peakRssBytes").asLong()).as(start).isGreaterThanOrEqualTo(s.path("rssBytes").asLong());
            assertThat(s.path("stopSeconds").asDouble()).as(start).isPositive();
            assertThat(s.path("killed").asBoolean()).as(start).isFalse();
        }
        assertThat(standalone.path("load").path("events").asLong()).isPositive();

        assertThat(report.path("goals")).hasSize(9);
        assertThat(Files.readString(BenchOutput.report(out, ".md"))).contains("| raw producer |", "| gateway over HTTP |",
                "| B0 producer (ProducerPerformance) |", "| processors exactly_once_v2 |", "| ratio | this run |",
                "| first, after the load |", "| restart, idle |");
        assertThat(out.resolve("processors-memory.log")).isNotEmptyFile();
    }
}
