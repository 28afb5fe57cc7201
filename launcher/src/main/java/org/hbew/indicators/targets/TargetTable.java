package org.hbew.indicators.targets;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.hbew.indicators.records.TargetRecord;

/** The targets as an aligned text table: item, indicator, city (or all), direction, value, window, source, updated. */
public final class TargetTable {

    private static final List<String> HEADER = List.of("ITEM", "INDICATOR", "CITY", "DIRECTION", "VALUE", "WINDOW",
            "SOURCE", "UPDATED");

    private TargetTable() {
    }

    public static String render(Collection<TargetRecord> targets) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        targets.stream()
                .sorted(Comparator.comparingInt(TargetRecord::item).thenComparing(TargetRecord::indicator)
                        .thenComparing(t -> t.city() == null ? "" : t.city()))
                .forEach(t -> rows.add(List.of(Integer.toString(t.item()), t.indicator(),
                        t.city() == null ? "all" : t.city(), t.direction(), number(t.value()), t.window(),
                        t.source(), t.updatedAt() == null ? "" : t.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString())));
        int[] widths = new int[HEADER.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(pad(row.get(i), widths[i], i == 0 || i == 4));
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        return table.toString();
    }

    /** {@code 0.95}, {@code 1440}, {@code 20000}: no exponent, no trailing zeros. */
    public static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String pad(String text, int width, boolean right) {
        String padding = " ".repeat(width - text.length());
        return right ? padding + text : text + padding;
    }
}
