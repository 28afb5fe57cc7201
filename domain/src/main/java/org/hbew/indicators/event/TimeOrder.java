package org.hbew.indicators.event;

import java.util.List;

/**
 * A rule of a flow payload's times: the time at index {@code later} of the payload's
 * {@link FlowPayload#timeFields()} must not be before the one at index {@code earlier}, where both are present.
 * Indices rather than names, so a check on the processors' hot path looks a time up without a string.
 */
public record TimeOrder(int later, int earlier) {

    /** The rule that the field named {@code later} is not before the one named {@code earlier}, both of {@code fields}. */
    static TimeOrder of(List<String> fields, String later, String earlier) {
        int l = fields.indexOf(later);
        int e = fields.indexOf(earlier);
        if (l < 0 || e < 0) {
            throw new IllegalArgumentException("not time fields of " + fields + ": " + later + ", " + earlier);
        }
        return new TimeOrder(l, e);
    }

    /** Whether the payload breaks this rule: both times present and the later one before the earlier one. */
    boolean brokenBy(FlowPayload payload) {
        var l = payload.time(later);
        var e = payload.time(earlier);
        return l != null && e != null && l.isBefore(e);
    }
}
