package org.hbew.indicators.processors.query;

import java.time.Instant;
import java.util.List;
import org.hbew.indicators.records.CityIndicator;

/**
 * The body of {@code GET /v1/items/{item}/cities/{city}}: the city's records of the item, as on
 * hbew.indicators.city, for each window of the range that had events, oldest first. A record's
 * {@code updatedAt} is when this answer was assembled from the store, which keeps no processing time.
 *
 * @param from start of the first window of the range
 * @param to   end of the last window of the range
 */
record CityHistoryView(int item, String city, String window, Instant from, Instant to, List<CityIndicator> records) {
}
