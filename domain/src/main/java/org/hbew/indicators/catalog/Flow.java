package org.hbew.indicators.catalog;

import java.util.Arrays;
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

    Flow(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<Flow> fromCode(String code) {
        return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst();
    }
}
