package org.hbew.indicators.records;

import java.time.Instant;

/**
 * Value of hbew.targets: the target of one indicator, for all cities or ({@code city} set) for one.
 * Seeded from the catalog's illustrative defaults ({@code source} = catalog) and changed by operators
 * at run time ({@code source} = operator). A tombstone removes an operator's override.
 *
 * @param direction at_least or at_most
 * @param window    the window the target applies to, e.g. 1d
 */
public record TargetRecord(
        int item,
        String indicator,
        String city,
        String direction,
        double value,
        String window,
        String source,
        Instant updatedAt) {

    public static final String SOURCE_CATALOG = "catalog";
    public static final String SOURCE_OPERATOR = "operator";
}
