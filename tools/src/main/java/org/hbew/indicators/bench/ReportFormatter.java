package org.hbew.indicators.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The report as people read it: a plain table for the terminal and the same figures as Markdown for
 * docs/benchmarks.md. Numbers are formatted the same way everywhere (Locale.ROOT), missing ones as "-".
 */
public final class ReportFormatter {

    private static final String NONE = "-";
    private static final String[] HEADER = {"phase", "clients", "batch", "events", "seconds", "events/s", "p50 ms",
            "p99 ms", "ratio", "load"};

    private ReportFormatter() {
    }

    /** For the terminal: the phases as an aligned table, then ratios, latency, memory, standalone and goals. */
    public static String table(BenchReport report) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        rows.addAll(phaseRows(report));
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(headline(report)).append('\n');
        out.append(clusterLine(report)).append('\n');
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 ? pad(row[i], widths[i], false) : pad(row[i], widths[i], true);
                line.append(cell).append(i < row.length - 1 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        List<String[]> ratios = ratioRows(report.ratios());
        if (!ratios.isEmpty()) {
            out.append("ratios: ").append(String.join("; ", ratios.stream().map(r -> r[0] + " " + r[1]).toList()))
                    .append('\n');
        }
        cpuLine(report).ifPresent(line -> out.append(line).append('\n'));
        if (report.latency() != null) {
            out.append(latencyLine(report.latency())).append('\n');
        }
        if (report.memory() != null) {
            out.append(memoryLine(report.memory())).append('\n');
        }
        standaloneLines(report.standalone()).forEach(l -> out.append(l).append('\n'));
        int goalWidth = report.goals().stream().mapToInt(g -> g.goal().length()).max().orElse(0);
        for (BenchReport.GoalCheck goal : report.goals()) {
            out.append(String.format(Locale.ROOT, "goal %-" + goalWidth + "s  %-7s  %s%n", goal.goal(),
                    goal.met() ? "met" : "NOT MET", goal.measured()));
        }
        return out.toString();
    }

    /** For docs/benchmarks.md: the same figures as Markdown tables. */
    static String markdown(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## hbew bench, ").append(report.startedAt()).append("\n\n");
        out.append(headline(report)).append("\n\n");
        out.append(clusterLine(report)).append("\n\n");
        out.append(markdownRow(HEADER)).append(markdownRow(separator(HEADER.length)));
        phaseRows(report).forEach(row -> out.append(markdownRow(row)));
        List<String[]> ratios = ratioRows(report.ratios());
        if (!ratios.isEmpty()) {
            String[] header = {"ratio", "this run"};
            out.append('\n').append(markdownRow(header)).append(markdownRow(separator(header.length)));
            ratios.forEach(row -> out.append(markdownRow(row)));
        }
        cpuLine(report).ifPresent(line -> out.append('\n').append(line).append('\n'));
        if (report.latency() != null) {
            out.append('\n').append(latencyLine(report.latency())).append('\n');
        }
        if (report.memory() != null) {
            out.append('\n').append(memoryLine(report.memory())).append('\n');
        }
        BenchReport.StandaloneResult standalone = report.standalone();
        if (standalone != null) {
            out.append("\nStandalone child JVM, options `").append(javaOptions(standalone.javaOptions()))
                    .append("`:\n\n");
            String[] header = {"start", "ready s (to the line)", "ready s (reported)", "RSS", "peak RSS (VmHWM)",
                    "stop s after SIGTERM", "exit code"};
            out.append(markdownRow(header)).append(markdownRow(separator(header.length)));
            out.append(markdownRow(startRow("first, after the load", standalone.first())));
            if (standalone.restart() != null) {
                out.append(markdownRow(startRow("restart, idle", standalone.restart())));
            }
            if (standalone.load() != null) {
                out.append('\n').append(loadLine(standalone.load())).append('\n');
            }
        }
        if (!report.goals().isEmpty()) {
            out.append('\n');
            String[] header = {"goal", "measured", "met"};
            out.append(markdownRow(header)).append(markdownRow(separator(header.length)));
            report.goals().forEach(g -> out.append(markdownRow(new String[] {g.goal(), g.measured(),
                    g.met() ? "yes" : "**no**"})));
        }
        return out.toString();
    }

    static String bytes(long bytes) {
        double mib = bytes / (1024.0 * 1024.0);
        return mib >= 1024 ? String.format(Locale.ROOT, "%.2f GiB", mib / 1024)
                : String.format(Locale.ROOT, "%.0f MiB", mib);
    }

    static String rate(double eventsPerSecond) {
        return String.format(Locale.ROOT, "%,.0f", eventsPerSecond);
    }

    static String ratio(Double ratio) {
        return ratio == null ? NONE : String.format(Locale.ROOT, "%.2f", ratio);
    }

    private static String headline(BenchReport report) {
        BenchReport.Machine m = report.machine();
        BenchSettings s = report.settings();
        return String.format(Locale.ROOT, "%d cores, %s; load average %s before, %s after; %,d events per run"
                        + " after %,d warm-up events each through the raw producer and the gateway, %d partitions,"
                        + " seed %d", m.cores(), m.java(), load(m.loadBefore()),
                load(m.loadAfter()), s.events(), s.warmupEvents(), s.partitions(), s.seed());
    }

    /**
     * Which Kafka the figures are of. An external cluster's client settings are shown by name, a secret's value
     * never ({@code [hidden]}): the report is meant to be shared.
     */
    static String clusterLine(BenchReport report) {
        BenchReport.Cluster cluster = report.cluster();
        if (!cluster.external()) {
            return "Kafka: the benchmark's own embedded broker (one KRaft node, PLAINTEXT) at "
                    + cluster.bootstrapServers();
        }
        String settings = cluster.settings().isEmpty() ? "none"
                : String.join(", ", cluster.settings().entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue()).toList());
        String replication = cluster.replicationFactor() == null ? "the brokers' default"
                : Integer.toString(cluster.replicationFactor());
        String left = cluster.leftBehind().isEmpty() ? ""
                : "; NOT REMOVED, delete by hand: " + String.join("; ", cluster.leftBehind());
        return "Kafka: external cluster " + cluster.bootstrapServers() + "; client settings: " + settings
                + "; replication factor: " + replication + "; standalone not run (it starts a broker of its own)"
                + left;
    }

    private static List<String[]> phaseRows(BenchReport report) {
        List<String[]> rows = new ArrayList<>();
        for (BenchReport.GatewayResult g : report.gateway()) {
            BenchReport.ProducerResult p = g.baseline();
            rows.add(new String[] {"raw producer", NONE, NONE, count(p.events()), seconds(p.seconds()),
                    rate(p.eventsPerSecond()), NONE, NONE, "1.00 (baseline)", loads(p.loadBefore(), p.loadAfter())});
            rows.add(new String[] {"gateway over HTTP", Integer.toString(g.clients()), Integer.toString(g.batchSize()),
                    count(g.events()), seconds(g.seconds()), rate(g.eventsPerSecond()), millis(g.latency().p50Ms()),
                    millis(g.latency().p99Ms()), ratio(g.ratioToProducer()) + " of raw producer",
                    loads(g.loadBefore(), g.loadAfter())});
        }
        BenchReport.BaselineResult b0 = report.baseline();
        Double b0Rate = b0 == null ? null : b0.producer().recordsPerSecond();
        if (b0 != null) {
            BenchReport.ProducerPerformanceFigures p = b0.producer();
            BenchReport.ConsumerFigures c = b0.consumer();
            rows.add(new String[] {"B0 producer (ProducerPerformance)", NONE, NONE, count(p.records()),
                    seconds(p.records() / p.recordsPerSecond()), rate(p.recordsPerSecond()), millis(p.p50Ms()),
                    millis(p.p99Ms()), "1.00 (B0)", loads(b0.loadBefore(), b0.loadAfter())});
            rows.add(new String[] {"B0 consumer", NONE, NONE, count(c.records()), seconds(c.seconds()),
                    rate(c.recordsPerSecond()), NONE, NONE, ratio(Rates.ratio(c.recordsPerSecond(), b0Rate))
                    + " of B0", NONE});
        }
        for (BenchReport.ProcessorsResult r : Arrays.asList(report.processors(), report.alos())) {
            if (r != null) {
                String versus = b0Rate != null ? ratio(Rates.ratio(r.eventsPerSecond(), b0Rate)) + " of B0"
                        : ratio(r.ratioToGateway()) + " of best gateway";
                rows.add(new String[] {"processors " + r.guarantee() + (r.finished() ? "" : " (timed out)"),
                        threads(r.streamThreads()), NONE, count(r.events()), seconds(r.seconds()),
                        rate(r.eventsPerSecond()), NONE, NONE, versus, loads(r.loadBefore(), r.loadAfter())});
            }
        }
        BenchReport.PlainJobResult plain = report.plainJob();
        if (plain != null) {
            rows.add(new String[] {"plain Kafka Streams job" + (plain.finished() ? "" : " (timed out)"), threads(1),
                    NONE, count(plain.events()), seconds(plain.seconds()), rate(plain.eventsPerSecond()), NONE, NONE,
                    b0Rate == null ? NONE : ratio(Rates.ratio(plain.eventsPerSecond(), b0Rate)) + " of B0",
                    loads(plain.loadBefore(), plain.loadAfter())});
        }
        return rows;
    }

    /** The ratios the goals are judged on, those that this run has both sides of. */
    private static List<String[]> ratioRows(BenchReport.Ratios ratios) {
        List<String[]> rows = new ArrayList<>();
        addRatio(rows, "processors / B0", ratios.processorsToBaseline());
        addRatio(rows, "processors / plain job", ratios.processorsToPlainJob());
        addRatio(rows, "plain job / B0", ratios.plainJobToBaseline());
        addRatio(rows, "exactly_once_v2 / at_least_once", ratios.exactlyOnceToAtLeastOnce());
        addRatio(rows, "processors / best gateway", ratios.processorsToGateway());
        addRatio(rows, "stream-thread CPU per event, processors / plain job", ratios.cpuPerEventProcessorsToPlainJob());
        return rows;
    }

    private static void addRatio(List<String[]> rows, String name, Double value) {
        if (value != null) {
            rows.add(new String[] {name, ratio(value)});
        }
    }

    /** Stream-thread CPU per event of the phases that have it; empty if none has. */
    private static Optional<String> cpuLine(BenchReport report) {
        List<String> parts = new ArrayList<>();
        for (BenchReport.ProcessorsResult r : Arrays.asList(report.processors(), report.alos())) {
            if (r != null && r.cpuMicrosPerEvent() != null) {
                parts.add("processors " + r.guarantee() + " " + micros(r.cpuMicrosPerEvent()));
            }
        }
        if (report.plainJob() != null && report.plainJob().cpuMicrosPerEvent() != null) {
            parts.add("plain job " + micros(report.plainJob().cpuMicrosPerEvent()));
        }
        return parts.isEmpty() ? Optional.empty()
                : Optional.of("stream-thread CPU per event: " + String.join(", ", parts));
    }

    private static String micros(double value) {
        return String.format(Locale.ROOT, "%.1f µs", value);
    }

    private static String latencyLine(BenchReport.LatencyResult latency) {
        BenchReport.Latencies l = latency.latency();
        return String.format(Locale.ROOT, "end-to-end latency: p50 %s ms, p99 %s ms, max %s ms over %s events at %s"
                        + " events/s (half the processors' rate) for %s s, the first %s s untimed; %s never seen",
                millis(l.p50Ms()), millis(l.p99Ms()), millis(l.maxMs()), count(l.count()),
                rate(latency.targetEventsPerSecond()), seconds(latency.seconds()), seconds(latency.warmupSeconds()),
                count(latency.missing()));
    }

    private static String memoryLine(BenchReport.MemoryResult memory) {
        return String.format(Locale.ROOT, "processors' memory (child JVM, options %s): RSS %s, peak %s after %s"
                        + " distinct events (%s records %s in %s s from launch)", javaOptions(memory.javaOptions()),
                optionalBytes(memory.rssBytes()), optionalBytes(memory.peakRssBytes()),
                count(memory.distinctEvents()), count(memory.records()),
                memory.finished() ? "worked off" : "NOT all worked off", seconds(memory.seconds()));
    }

    private static String javaOptions(String options) {
        return options.isEmpty() ? "(none: the JVM's defaults)" : options;
    }

    private static String threads(int threads) {
        return threads + (threads == 1 ? " thread" : " threads");
    }

    private static List<String> standaloneLines(BenchReport.StandaloneResult standalone) {
        if (standalone == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add("standalone first start: " + startLine(standalone.first()));
        if (standalone.load() != null) {
            lines.add("  " + loadLine(standalone.load()));
        }
        if (standalone.restart() != null) {
            lines.add("standalone restart:     " + startLine(standalone.restart()));
        }
        return lines;
    }

    private static String startLine(BenchReport.StandaloneStart start) {
        return String.format(Locale.ROOT, "ready in %s s (reported %s s), RSS %s, peak %s, stopped %s s after SIGTERM"
                        + " (exit %d%s)", seconds(start.readySeconds()), optionalSeconds(start.reportedReadySeconds()),
                optionalBytes(start.rssBytes()), optionalBytes(start.peakRssBytes()), seconds(start.stopSeconds()),
                start.exitCode(), start.killed() ? ", killed" : "");
    }

    private static String[] startRow(String name, BenchReport.StandaloneStart start) {
        return new String[] {name, seconds(start.readySeconds()), optionalSeconds(start.reportedReadySeconds()),
                optionalBytes(start.rssBytes()), optionalBytes(start.peakRssBytes()), seconds(start.stopSeconds()),
                start.exitCode() + (start.killed() ? " (killed)" : "")};
    }

    private static String loadLine(BenchReport.LoadFigures load) {
        return String.format(Locale.ROOT, "load: %s events in %s s (%s events/s) from %d clients in batches of %d,"
                        + " %d failed; processors caught up %s", count(load.events()), seconds(load.seconds()),
                rate(load.eventsPerSecond()), load.clients(), load.batchSize(), load.failed(),
                load.catchUpSeconds() == null ? "not within a minute"
                        : seconds(load.catchUpSeconds()) + " s after the load");
    }

    private static String markdownRow(String[] cells) {
        return "| " + String.join(" | ", cells) + " |\n";
    }

    private static String[] separator(int columns) {
        String[] cells = new String[columns];
        Arrays.fill(cells, "---");
        return cells;
    }

    private static String pad(String text, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - text.length()));
        return right ? spaces + text : text + spaces;
    }

    private static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.1f", s);
    }

    private static String optionalSeconds(Double s) {
        return s == null ? NONE : seconds(s);
    }

    private static String optionalBytes(Long b) {
        return b == null ? NONE : bytes(b);
    }

    private static String millis(double ms) {
        return String.format(Locale.ROOT, "%.1f", ms);
    }

    private static String load(Double load) {
        return load == null ? NONE : String.format(Locale.ROOT, "%.2f", load);
    }

    private static String loads(Double before, Double after) {
        return load(before) + " -> " + load(after);
    }
}
