package org.hbew.indicators.processors.query;

import java.util.List;
import java.util.Map;
import org.hbew.indicators.processors.topology.Accounting;

/**
 * The body of {@code GET /v1/accounting}: where every record of hbew.events.raw went, summed over all tasks
 * of all instances (each partition counted once).
 *
 * @param balanced whether {@code received = deadLettered + duplicates + late + counted}; a record being
 *                 processed at the moment of the query may make it false for an instant
 */
record AccountingView(long received, long deadLettered, long duplicates, long late, long counted,
                      boolean balanced, int partitions) {

    /** Sums the per-partition totals (outcome key to count, as {@link Accounting#read} gives them). */
    static AccountingView sum(List<Map<String, Long>> perPartition) {
        long[] totals = new long[Accounting.Outcome.values().length];
        for (Map<String, Long> partition : perPartition) {
            for (Accounting.Outcome outcome : Accounting.Outcome.values()) {
                totals[outcome.ordinal()] += partition.getOrDefault(outcome.key(), 0L);
            }
        }
        long received = totals[Accounting.Outcome.RECEIVED.ordinal()];
        long deadLettered = totals[Accounting.Outcome.DEAD_LETTERED.ordinal()];
        long duplicates = totals[Accounting.Outcome.DUPLICATE.ordinal()];
        long late = totals[Accounting.Outcome.LATE.ordinal()];
        long counted = totals[Accounting.Outcome.COUNTED.ordinal()];
        return new AccountingView(received, deadLettered, duplicates, late, counted,
                received == deadLettered + duplicates + late + counted, perPartition.size());
    }
}
