package org.hbew.indicators.catalog;

import java.util.Optional;

/**
 * The three origin-to-destination flows between the cities. An event of a flow carries a typed
 * payload instead of a value; the indicators of the flow's item are measures derived from it.
 */
public enum Flow {
    /** Item 18: a person insured in one city is treated in another (insured city to treatment city). */
    MEDICAL_SETTLEMENT("medical.settlement"),
    /** Item 20: a worker's pension insurance moves from one city to another. */
    PENSION_TRANSFER("pension.transfer"),
    /** Item 21: one city asks another for emergency support (requesting city to supporting city). */
    EMERGENCY_REQUEST("emergency.request");

    private final String code;

    private static final Flow[] FLOWS = values();

    Flow(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** Asked for every event a processor reads, so a loop rather than a stream. */
    public static Optional<Flow> fromCode(String code) {
        for (Flow flow : FLOWS) {
            if (flow.code.equals(code)) {
                return Optional.of(flow);
            }
        }
        return Optional.empty();
    }
}
