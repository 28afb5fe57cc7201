package org.hbew.indicators.bench;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the summary line Kafka's {@code ProducerPerformance} prints at the end of a run:
 * {@code 1000000 records sent, 412345.6 records/sec (160.12 MB/sec), 25.10 ms avg latency, 310.00 ms max latency,
 * 21 ms 50th, 60 ms 95th, 80 ms 99th, 120 ms 99.9th.} With {@code --warmup-records} it prints a second such line
 * for the records after the warm-up ({@code ... steady state records sent, ...}), which is the one taken. The tool
 * formats its decimals in the default locale, so a decimal comma is read too.
 */
final class ProducerPerformanceSummary {

    private static final String NUMBER = "([0-9]+(?:[.,][0-9]+)?)";
    private static final Pattern SUMMARY = Pattern.compile("^([0-9]+)( steady state)? records sent, " + NUMBER
            + " records/sec \\(" + NUMBER + " MB/sec\\), " + NUMBER + " ms avg latency, " + NUMBER
            + " ms max latency, ([0-9]+) ms 50th, ([0-9]+) ms 95th, ([0-9]+) ms 99th, ([0-9]+) ms 99\\.9th\\.$");

    private ProducerPerformanceSummary() {
    }

    /** The steady-state summary if there is one, else the last summary; empty if the output has none. */
    static Optional<BenchReport.ProducerPerformanceFigures> parse(String output) {
        BenchReport.ProducerPerformanceFigures total = null;
        for (String line : output.lines().map(String::strip).toList()) {
            Matcher m = SUMMARY.matcher(line);
            if (!m.matches()) {
                continue;
            }
            BenchReport.ProducerPerformanceFigures figures = new BenchReport.ProducerPerformanceFigures(
                    Long.parseLong(m.group(1)), decimal(m.group(3)), decimal(m.group(4)), decimal(m.group(5)),
                    decimal(m.group(6)), Long.parseLong(m.group(7)), Long.parseLong(m.group(8)),
                    Long.parseLong(m.group(9)), Long.parseLong(m.group(10)));
            if (m.group(2) != null) {
                return Optional.of(figures);
            }
            total = figures;
        }
        return Optional.ofNullable(total);
    }

    private static double decimal(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }
}
