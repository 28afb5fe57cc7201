package org.hbew.indicators.processors.aggregate;

/**
 * One city's current figures for an item in one window, on its way to the regional rollup
 * (repartitioned by item, so the four cities of an item meet in one task).
 */
public record CityContribution(String city, String window, long windowStart, long windowEnd, ItemCityWindow figures) {
}
