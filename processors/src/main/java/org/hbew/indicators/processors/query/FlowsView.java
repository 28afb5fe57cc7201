package org.hbew.indicators.processors.query;

import java.time.Instant;
import java.util.List;

/**
 * The body of {@code GET /v1/flows}: origin-to-destination matrices of the cross-city flows in one window.
 * Rows are origins and columns destinations, both in the order of {@code cities}; the diagonal stays zero
 * since a flow always joins two different cities.
 */
record FlowsView(String window, Instant windowStart, Instant windowEnd, List<String> cities, List<Matrix> flows) {

    /**
     * One flow's matrices.
     *
     * @param events    flow events from row city to column city
     * @param completed those that completed the movement (direct settlements, completed transfers, dispatched support)
     * @param amount    CNY moved (medical settlements only; zero for the other flows)
     */
    record Matrix(String flow, int item, String titleEn, String titleZh, List<List<Long>> events,
                  List<List<Long>> completed, List<List<Double>> amount, Totals totals) {
    }

    record Totals(long events, long completed, double amount) {
    }
}
