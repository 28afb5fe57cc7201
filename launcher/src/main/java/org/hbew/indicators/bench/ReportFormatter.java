package org.hbew.indicators.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The report as people read it: a plain table for the terminal and the same figures as Markdown for
 * docs/benchmarks.md. Numbers are formatted the same way everywhere (Locale.ROOT), missing ones as "-".
 */
final class ReportFormatter {

    private static final String NONE = "-";
    private static final String[] HEADER = {"phase", "clients", "batch", "events", "seconds", "events/s", "p50 ms",
            "p99 ms", "ratio", "load"};

    private ReportFormatter() {
    }

    /** For the terminal: the phases as an aligned table, then standalone and the goals as lines. */
    static String table(BenchReport report) {
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
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = i == 0 ? pad(row[i], widths[i], false) : pad(row[i], widths[i], true);
                line.append(cell).append(i < row.length - 1 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        standaloneLines(report.standalone()).forEach(l -> out.append(l).append('\n'));
        for (BenchReport.GoalCheck goal : report.goals()) {
            out.append(String.format(Locale.ROOT, "goal %-40s %-8s %s%n", goal.goal(), goal.met() ? "met" : "NOT MET",
                    goal.measured()));
        }
        return out.toString();
    }

    /** For docs/benchmarks.md: the same figures as Markdown tables. */
    static String markdown(BenchReport report) {
        StringBuilder out = new StringBuilder();
        out.append("## hbew bench, ").append(report.startedAt()).append("\n\n");
        out.append(headline(report)).append("\n\n");
        out.append(markdownRow(HEADER)).append(markdownRow(separator(HEADER.length)));
        phaseRows(report).forEach(row -> out.append(markdownRow(row)));
        BenchReport.StandaloneResult standalone = report.standalone();
        if (standalone != null) {
            out.append("\nStandalone child JVM, options `").append(standalone.javaOptions().isEmpty()
                    ? "(none: the JVM's defaults)" : standalone.javaOptions()).append("`:\n\n");
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
        BenchReport.ProcessorsResult r = report.processors();
        if (r != null) {
            String threads = r.streamThreads() + (r.streamThreads() == 1 ? " thread" : " threads");
            rows.add(new String[] {"processors" + (r.finished() ? "" : " (timed out)"), threads, NONE,
                    count(r.events()), seconds(r.seconds()), rate(r.eventsPerSecond()), NONE, NONE,
                    ratio(r.ratioToGateway()) + " of best gateway", loads(r.loadBefore(), r.loadAfter())});
        }
        return rows;
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
