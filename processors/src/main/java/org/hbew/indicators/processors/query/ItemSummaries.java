package org.hbew.indicators.processors.query;

import java.util.Map;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.records.Status;

/** An item of the catalog as the API shows it, with its indicators' targets in force and status counts. */
final class ItemSummaries {

    private ItemSummaries() {
    }

    static ItemViews.ItemSummary of(Item item, StatusGrid.TargetLookup targets, Map<Status, Long> statusCounts) {
        return new ItemViews.ItemSummary(item.number(), item.titleEn(), item.titleZh(), item.domain(),
                new ItemViews.Team(item.team().code(), item.team().name()), item.flow().map(Flow::code).orElse(null),
                item.indicators().stream().map(indicator -> ItemViews.IndicatorInfo.of(item, indicator, targets))
                        .toList(),
                statusCounts);
    }
}
