package org.hbew.indicators.processors.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.processors.topology.WindowSpec;

/**
 * {@code GET /v1/items/{item}/region?window&from&to}: an item's four-city rollup in each window of a range, what the
 * item page charts against the regional target. The rollup store keeps one entry per item and window size, so each
 * window is one read from the instance that holds the item; the range is therefore kept short
 * ({@value #MAX_WINDOWS} windows: two days of hours, a month of days).
 */
final class RegionHistory {

    static final int MAX_WINDOWS = 100;

    private RegionHistory() {
    }

    /**
     * The body: the windows of the range in which any city reported, oldest first.
     *
     * @param from start of the first window of the range
     * @param to   end of the last window of the range
     */
    record View(int item, String window, Instant from, Instant to, List<ItemViews.RegionWindow> windows) {
    }

    static Read<View> read(FigureQueries figures, Item item, WindowSpec window, QueryParams.WindowRange range) {
        long count = (range.lastStart() - range.firstStart()) / window.sizeMs() + 1;
        if (count > MAX_WINDOWS) {
            throw QueryErrors.invalidParameter("from", "the range spans " + count + " windows of " + window.name()
                    + "; the regional history gives at most " + MAX_WINDOWS + " per request");
        }
        List<ItemViews.RegionWindow> windows = new ArrayList<>();
        boolean stale = false;
        for (long start = range.firstStart(); start <= range.lastStart(); start += window.sizeMs()) {
            Read<RegionFigures> figuresOfWindow = figures.region(item, window, start);
            stale |= figuresOfWindow.stale();
            RegionFigures region = figuresOfWindow.value();
            if (!region.cities().isEmpty()) {
                Instant windowStart = Instant.ofEpochMilli(start);
                windows.add(new ItemViews.RegionWindow(window.name(), windowStart, windowStart.plus(window.size()),
                        region.cities(), region.indicators()));
            }
        }
        return new Read<>(new View(item.number(), window.name(), Instant.ofEpochMilli(range.firstStart()),
                Instant.ofEpochMilli(range.lastStart()).plus(window.size()), windows), stale);
    }
}
