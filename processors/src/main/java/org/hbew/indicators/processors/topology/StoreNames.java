package org.hbew.indicators.processors.topology;

/** The queryable state stores of the topology, for the query API and the business metrics. */
public final class StoreNames {

    /** Per-task totals of where raw records went: {@code received}, {@code counted}, ... to Long. */
    public static final String ACCOUNTING = Accounting.STORE;
    /** {@code <item>:<city>:<indicator>} to {@link StatusState}. */
    public static final String STATUS = EvaluateStatus.STORE;
    /** {@code <item>:<window>} at the window start to the cities' figures, read with {@link Rollups#read}. */
    public static final String ROLLUP = Rollups.STORE;
    /** Global: {@code <item>:<indicator>[:<city>]} to the target in force. */
    public static final String TARGETS = Targets.STORE;

    private StoreNames() {
    }

    /** {@code <item>:<city>} at the window start to that city's figures for the item. */
    public static String city(WindowSpec window) {
        return window.cityStoreName();
    }
}
