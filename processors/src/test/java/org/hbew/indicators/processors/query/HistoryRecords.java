package org.hbew.indicators.processors.query;

import java.time.Instant;
import org.hbew.indicators.records.CityIndicator;
import org.hbew.indicators.records.Statistics;

/** City records for tests that need one without caring much what is in it. */
final class HistoryRecords {

    static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
    static final StoreReader.CityHistory QUERY = new StoreReader.CityHistory(2, "ordos", "1h",
            START.toEpochMilli(), START.toEpochMilli());

    private HistoryRecords() {
    }

    static CityIndicator record(String indicator, double value) {
        return new CityIndicator(2, "ordos", indicator, "km", "sum", "sum", value, "1h", START,
                START.plusSeconds(3600), new Statistics(1, value, value, value, value, value, START, null, null, null,
                null, null), START.plusSeconds(60));
    }
}
