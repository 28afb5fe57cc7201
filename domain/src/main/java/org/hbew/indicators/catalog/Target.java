package org.hbew.indicators.catalog;

/**
 * What an indicator's headline value should be in a window: at least or at most {@code value}. For
 * additive aggregations (count, sum) an at-least target is the figure for a whole window, and a
 * window still open is judged on its pace.
 */
public record Target(Direction direction, double value, String window) {
}
