package org.hbew.indicators.processors.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;

/**
 * The body of {@code GET /v1/status}: every item of the agreement by every city, each cell with the status
 * of each of the item's indicators. Built by {@link StatusGrid}.
 *
 * @param asOf        when the grid was assembled (statuses are re-judged every few seconds)
 * @param silentAfter how long a city may go without any event before it counts as silent (ISO-8601)
 */
record GridView(Instant asOf, String silentAfter, List<CityInfo> cities, Summary summary, List<ItemRow> items) {

    /**
     * A city and when it last reported anything.
     *
     * @param silent no event from the city within {@code silentAfter}, or none at all
     */
    record CityInfo(String code, String nameEn, String nameZh, Instant lastEventAt, boolean silent) {
    }

    /** How many indicators, and how many item-city cells, are in each status. */
    record Summary(Map<Status, Long> indicators, Map<Status, Long> cells) {
    }

    /** One item of the agreement: its cells in the catalog's city order. */
    record ItemRow(int item, String titleEn, String titleZh, String domain, List<CityCell> cities) {
    }

    /**
     * One item in one city.
     *
     * @param status the worst of its indicators' statuses (see {@link StatusGrid#worst})
     * @param counts how many of its indicators are in each status
     */
    record CityCell(String city, Status status, Map<Status, Long> counts, Instant lastEventAt,
                    List<IndicatorCell> indicators) {
    }

    /**
     * Where one indicator of one city stands.
     *
     * @param value       the headline value the status was judged on; absent for NO_DATA
     * @param statistic   what the value is: sum, count, ratio, p95, ...
     * @param window      the window the status is judged in
     * @param since       when the indicator entered this status; absent if it was never judged
     * @param lastEventAt event time of the latest event seen for it
     */
    record IndicatorCell(String indicator, String title, String unit, Status status, Double value, String statistic,
                         TargetRecord target, String window, Instant since, Instant lastEventAt) {
    }
}
