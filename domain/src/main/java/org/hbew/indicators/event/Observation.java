package org.hbew.indicators.event;

import org.hbew.indicators.catalog.Indicator;

/** One number for one indicator, taken from one event. */
public record Observation(Indicator indicator, double value) {
}
