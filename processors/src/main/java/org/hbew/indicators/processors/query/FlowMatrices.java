package org.hbew.indicators.processors.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.records.FlowCounts;

/**
 * Builds a flow's 4x4 matrices from the origin-to-destination cells of the regional rollup. Cells naming a
 * city outside the catalog cannot be placed and are left out (events are validated against the catalog,
 * so there are none in practice).
 */
final class FlowMatrices {

    private FlowMatrices() {
    }

    static FlowsView.Matrix build(Flow flow, Item item, List<String> cities, List<FlowCounts> cells) {
        int n = cities.size();
        long[][] events = new long[n][n];
        long[][] completed = new long[n][n];
        double[][] amount = new double[n][n];
        long totalEvents = 0;
        long totalCompleted = 0;
        double totalAmount = 0;
        for (FlowCounts cell : cells) {
            int from = cities.indexOf(cell.from());
            int to = cities.indexOf(cell.to());
            if (!cell.flow().equals(flow.code()) || from < 0 || to < 0) {
                continue;
            }
            events[from][to] += cell.events();
            completed[from][to] += cell.completed();
            amount[from][to] += cell.amount();
            totalEvents += cell.events();
            totalCompleted += cell.completed();
            totalAmount += cell.amount();
        }
        return new FlowsView.Matrix(flow.code(), item.number(), item.titleEn(), item.titleZh(), rows(events),
                rows(completed), rows(amount), new FlowsView.Totals(totalEvents, totalCompleted, totalAmount));
    }

    private static List<List<Long>> rows(long[][] matrix) {
        List<List<Long>> rows = new ArrayList<>();
        for (long[] row : matrix) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return rows;
    }

    private static List<List<Double>> rows(double[][] matrix) {
        List<List<Double>> rows = new ArrayList<>();
        for (double[] row : matrix) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return rows;
    }
}
