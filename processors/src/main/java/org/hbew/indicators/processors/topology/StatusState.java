package org.hbew.indicators.processors.topology;

import java.util.Map;
import java.util.TreeMap;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;

/**
 * What the status store keeps per {@code <item>:<city>:<indicator>}: when it was last observed
 * (event time), its headline value in the newest window of each size, and what was last reported
 * on hbew.indicators.status, so a report goes out only when something changed.
 *
 * @param windows             newest window per window name: its start and headline value
 * @param reportedLastEventAt the last event time that went out on hbew.indicators.status
 */
public record StatusState(
        Long lastEventAt,
        Map<String, Snapshot> windows,
        Status status,
        long since,
        Double reportedValue,
        TargetRecord reportedTarget,
        Long reportedLastEventAt) {

    /** A state whose last event time was reported as it is. */
    public StatusState(Long lastEventAt, Map<String, Snapshot> windows, Status status, long since,
                       Double reportedValue, TargetRecord reportedTarget) {
        this(lastEventAt, windows, status, since, reportedValue, reportedTarget, lastEventAt);
    }

    public record Snapshot(long start, double value) {
    }

    static StatusState noData(long now) {
        return new StatusState(null, Map.of(), Status.NO_DATA, now, null, null, null);
    }

    StatusState observed(long eventAt, String window, long windowStart, double value) {
        Map<String, Snapshot> updated = new TreeMap<>(windows);
        Snapshot current = updated.get(window);
        if (current == null || windowStart >= current.start()) {
            updated.put(window, new Snapshot(windowStart, value));
        }
        long last = lastEventAt == null ? eventAt : Math.max(lastEventAt, eventAt);
        return new StatusState(last, updated, status, since, reportedValue, reportedTarget, reportedLastEventAt);
    }

    StatusState reported(Status newStatus, long now, Double value, TargetRecord target) {
        long newSince = newStatus == status ? since : now;
        return new StatusState(lastEventAt, windows, newStatus, newSince, value, target, lastEventAt);
    }
}
