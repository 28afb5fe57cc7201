package org.hbew.indicators.records;

import java.time.Instant;

/**
 * Value of hbew.indicators.status: where one indicator of one city stands now.
 *
 * @param value       the headline value the status was judged on (absent for NO_DATA)
 * @param target      the target in force, if any
 * @param since       when the indicator entered this status
 * @param lastEventAt event time of the latest event seen
 */
public record IndicatorStatus(
        int item,
        String city,
        String indicator,
        Status status,
        Double value,
        String statistic,
        TargetRecord target,
        String window,
        Instant since,
        Instant lastEventAt,
        Instant evaluatedAt) {
}
