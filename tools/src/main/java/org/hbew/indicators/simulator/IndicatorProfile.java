package org.hbew.indicators.simulator;

/**
 * How the values of one plain indicator behave over time, so that the simulated series look like what
 * a city office would report and the catalog's default targets are mostly met in a steady run.
 */
sealed interface IndicatorProfile {

    /**
     * A flow of things per day (transactions, tonnes, visitors): each report carries what happened since
     * the city's previous report of the indicator, so daily totals are right whatever the send rate.
     */
    record Volume(double perDay, int decimals) implements IndicatorProfile {
    }

    /** An independent amount per report (a week's investment, a training course's trainees). */
    record Amount(double median, double sigma, int decimals) implements IndicatorProfile {
    }

    /** A rare milestone: one (sometimes a few) things reached. */
    record Milestone(int max) implements IndicatorProfile {
    }

    /** A cumulative level that only grows, slowly (construction progress, capacity installed). */
    record Rising(double startMin, double startMax, double meanStep, double max, int decimals)
            implements IndicatorProfile {
    }

    /**
     * A level that wanders around a centre (active users, backlog). When {@code followsPensionDelay}, the
     * centre grows with the slowdown of {@link Scenario#SLOW_PENSION}: slow transfers pile up.
     */
    record Fluctuating(double centre, double spread, int decimals, boolean followsPensionDelay)
            implements IndicatorProfile {
    }
}
