package org.hbew.indicators.records;

import java.time.Instant;

/**
 * Value of hbew.flows: one origin-to-destination cell of a flow's 4x4 matrix over one window.
 *
 * @param events    flow events from origin to destination
 * @param completed events that completed the movement: direct settlements, completed transfers,
 *                  dispatched emergency support
 * @param amount    CNY moved (medical settlements); zero for flows that move no money
 */
public record FlowCounts(
        String flow,
        String from,
        String to,
        String window,
        Instant windowStart,
        Instant windowEnd,
        long events,
        long completed,
        double amount,
        Instant updatedAt) {
}
