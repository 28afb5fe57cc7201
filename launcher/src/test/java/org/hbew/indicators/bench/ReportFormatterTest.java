package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatterTest {

    @Test
    void shouldPrintEachGatewayRowAfterItsBaselineWithTheirRatio() {
        String table = ReportFormatter.table(ReportFixtures.full());

        assertThat(table.lines())
                .anySatisfy(line -> assertThat(line).startsWith("phase").contains("events/s", "ratio"));
        assertThat(table.lines().filter(l -> l.startsWith("raw producer"))).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("200,000", "2.5", "80,000", "1.00 (baseline)"));
        assertThat(table.lines().filter(l -> l.startsWith("gateway over HTTP"))).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("100", "16,000", "12.5", "48.3", "0.20 of raw producer"))
                .anySatisfy(l -> assertThat(l).contains("500", "24,000", "0.30 of raw producer"));
        assertThat(table.lines().filter(l -> l.startsWith("processors"))).singleElement().asString()
                .contains("680,000", "20,000", "0.83 of best gateway");
        assertThat(table.lines().filter(l -> l.startsWith("raw producer") || l.startsWith("gateway"))
                .map(l -> l.substring(0, 3)).toList()).containsExactly("raw", "gat", "raw", "gat");
        // the rows are aligned: every row of the table is as wide as its header, give or take trailing blanks
        List<String> rows = table.lines().filter(l -> l.startsWith("phase") || l.startsWith("raw")
                || l.startsWith("gateway") || l.startsWith("processors")).toList();
        assertThat(rows).extracting(String::length).containsOnly(rows.get(0).length());
    }

    @Test
    void shouldPrintStandaloneAndTheGoals() {
        String table = ReportFormatter.table(ReportFixtures.full());

        assertThat(table).contains("standalone first start: ready in 12.0 s (reported 10.0 s), RSS 1023 MiB, "
                + "peak 1.00 GiB, stopped 3.0 s after SIGTERM (exit 143)");
        assertThat(table).contains("load: 150,000 events in 10.0 s (15,000 events/s) from 4 clients in batches of "
                + "500, 0 failed; processors caught up 4.5 s after the load");
        assertThat(table).contains("standalone restart:     ready in 9.0 s");
        assertThat(table).containsPattern("goal gateway >= 20,000 events/s +met +24,000 events/s");
    }

    @Test
    void shouldWriteTheSameFiguresAsMarkdownTables() {
        String markdown = ReportFormatter.markdown(ReportFixtures.full());

        assertThat(markdown).contains("## hbew bench, 2024-09-01T08:00:00Z",
                "| phase | clients | batch | events | seconds | events/s | p50 ms | p99 ms | ratio | load |",
                "| raw producer | - | - | 200,000 | 2.5 | 80,000 | - | - | 1.00 (baseline) | 0.40 -> 0.60 |",
                "| first, after the load | 12.0 | 10.0 | 1023 MiB | 1.00 GiB | 3.0 | 143 |",
                "Standalone child JVM, options `-Xmx1g`",
                "| gateway >= 20,000 events/s | 24,000 events/s (4 clients, batches of 500) | yes |");
    }

    @Test
    void shouldLeaveOutWhatWasSkipped() {
        BenchReport full = ReportFixtures.full();
        BenchReport partial = new BenchReport(Instant.EPOCH, full.machine(), full.settings(), full.gateway(), null,
                null, Goals.check(full.bestGateway(), null));

        String table = ReportFormatter.table(partial);

        assertThat(table).doesNotContain("processors", "standalone");
        assertThat(ReportFormatter.markdown(partial)).doesNotContain("Standalone child JVM");
    }

    @Test
    void shouldShowMemoryInMebiOrGibibytes() {
        assertThat(ReportFormatter.bytes(600L * 1024 * 1024)).isEqualTo("600 MiB");
        assertThat(ReportFormatter.bytes(1536L * 1024 * 1024)).isEqualTo("1.50 GiB");
    }
}
