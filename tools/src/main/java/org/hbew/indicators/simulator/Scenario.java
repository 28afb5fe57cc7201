package org.hbew.indicators.simulator;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the simulated cities are going through. Each scenario exists to show one behaviour of the
 * pipeline on the dashboards: a city falling silent (STALE), a target slowly missed (LAGGING), a
 * burst of one flow.
 */
public enum Scenario {
    /** Every city reports as usual; the catalog's default targets are mostly met. */
    STEADY("steady"),
    /** One named city stops reporting altogether; the others go on. */
    CITY_OUTAGE("city-outage"),
    /** Pension transfers take longer and longer until their p95 is well above the 15-day target. */
    SLOW_PENSION("slow-pension"),
    /** Many more emergency support requests, dispatched more slowly. */
    EMERGENCY_SURGE("emergency-surge");

    private final String code;

    Scenario(String code) {
        this.code = code;
    }

    /** The name used on the command line and in logs. */
    public String code() {
        return code;
    }

    public static Optional<Scenario> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }

    public static String knownCodes() {
        return Arrays.stream(values()).map(Scenario::code).collect(Collectors.joining(", "));
    }
}
