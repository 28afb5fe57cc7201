package org.hbew.indicators.simulator;

import java.util.Map;

/**
 * What the simulator has done so far. Once every batch is answered, {@code sent = accepted + rejected +
 * failed}; duplicates and late events are counted among the sent.
 *
 * @param accepted   events ingest acknowledged (so they are on Kafka)
 * @param rejected   events ingest refused as invalid or not allowed for the token
 * @param failed     events whose batch got no usable answer (ingest down, unauthorised) after retries
 * @param retries    requests repeated after 429, 503 or no answer
 * @param sentByCity events sent per reporting city
 */
public record SimulatorStats(
        long sent,
        long accepted,
        long rejected,
        long duplicates,
        long late,
        long failed,
        long retries,
        Map<String, Long> sentByCity) {

    public SimulatorStats {
        sentByCity = Map.copyOf(sentByCity);
    }

    /** Events sent and not yet answered (or never answered, after a hard stop). */
    public long pending() {
        return sent - accepted - rejected - failed;
    }
}
