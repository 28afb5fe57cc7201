package org.hbew.indicators.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** The simulator's running totals, updated by the city senders and read by anyone. */
final class SimulatorCounters {

    final LongAdder sent = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder rejected = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder late = new LongAdder();
    final LongAdder failed = new LongAdder();
    private final Map<String, LongAdder> sentByCity = new ConcurrentHashMap<>();

    void sentBy(String city, int events) {
        sent.add(events);
        sentByCity.computeIfAbsent(city, c -> new LongAdder()).add(events);
    }

    SimulatorStats snapshot(long retries) {
        Map<String, Long> byCity = new TreeMap<>();
        sentByCity.forEach((city, count) -> byCity.put(city, count.sum()));
        return new SimulatorStats(sent.sum(), accepted.sum(), rejected.sum(), duplicates.sum(), late.sum(),
                failed.sum(), retries, byCity);
    }
}
