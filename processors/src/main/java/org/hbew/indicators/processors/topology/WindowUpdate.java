package org.hbew.indicators.processors.topology;

import org.hbew.indicators.processors.aggregate.ItemCityWindow;

/** The current figures of one item in one city over one window, as a window aggregation emits them. */
record WindowUpdate(int item, String city, WindowSpec window, long windowStart, ItemCityWindow figures) {

    long windowEnd() {
        return windowStart + window.sizeMs();
    }
}
