package org.hbew.indicators.processors.topology;

import java.util.List;
import org.hbew.indicators.processors.aggregate.ItemCityWindow;

/**
 * The current figures of one item in one city in every window that changed since they were last sent on:
 * the hour and the day an event fell in arrive together, so the status is judged once on both.
 *
 * <p>The figures are the counting step's live objects: read them while the record is being processed,
 * never keep them.
 */
record ItemCityUpdate(int item, String city, List<WindowFigures> windows) implements Counted {

    /** One window's figures. */
    record WindowFigures(WindowSpec window, long start, ItemCityWindow figures) {

        long end() {
            return start + window.sizeMs();
        }
    }
}
