package org.hbew.indicators.processors.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.records.CityIndicator;
import org.hbew.indicators.records.RegionIndicator;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;

/** The bodies of {@code GET /v1/items} and {@code GET /v1/items/{item}}. */
final class ItemViews {

    private ItemViews() {
    }

    /** {@code GET /v1/items}: the catalog's items, each with how its indicators stand. */
    record Items(Instant asOf, List<ItemSummary> items) {
    }

    /**
     * One item of the agreement as the catalog describes it.
     *
     * @param flow         the cross-city flow that reports the item, for items 18, 20 and 21
     * @param statusCounts how many of its indicators, over the four cities, are in each status
     */
    record ItemSummary(int number, String titleEn, String titleZh, String domain, Team team, String flow,
                       List<IndicatorInfo> indicators, Map<Status, Long> statusCounts) {
    }

    record Team(String code, String name) {
    }

    /**
     * An indicator of an item.
     *
     * @param cadence how often each city is expected to report (ISO-8601); longer silence is STALE
     * @param target  the target in force for all cities (a city may have its own; see the status grid)
     */
    record IndicatorInfo(String code, String title, String unit, String aggregation, String statistic,
                         String cadence, TargetRecord target) {

        static IndicatorInfo of(Item item, Indicator indicator, StatusGrid.TargetLookup targets) {
            return new IndicatorInfo(indicator.code(), indicator.title(), indicator.unit().code(),
                    indicator.aggregation().code(), indicator.headlineStatistic(), indicator.cadence().toString(),
                    targets.target(item, indicator, null).orElse(null));
        }
    }

    /**
     * {@code GET /v1/items/{item}}: the item, where each city stands, and the regional figures.
     *
     * @param region the four-city rollup in the current window of each size
     */
    record ItemDetail(Instant asOf, ItemSummary item, List<CityFigures> cities, List<RegionWindow> region) {
    }

    /**
     * One city's part in an item.
     *
     * @param status     the worst of its indicators' statuses
     * @param indicators the status of each indicator
     * @param current    its figures in the current window of each size (absent windows had no events)
     */
    record CityFigures(String city, String nameEn, String nameZh, Status status,
                       List<GridView.IndicatorCell> indicators, List<CityIndicator> current) {
    }

    /** The regional figures of one window, merged from the cities that reported in it. */
    record RegionWindow(String window, Instant windowStart, Instant windowEnd, List<String> cities,
                        List<RegionIndicator> indicators) {
    }
}
