package org.hbew.indicators.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets of issues 2 and 3 and whether a run met them: at least 20,000 events/s through the gateway
 * (issue 3), standalone ready within 30 s and under 1.5 GiB resident (issue 2), stopped within 10 s of SIGTERM
 * (contract). Goals whose phase was skipped are not judged.
 */
final class Goals {

    static final double GATEWAY_EVENTS_PER_SECOND = 20_000;
    static final double READY_SECONDS = 30;
    static final long RSS_BYTES = 3L * 512 * 1024 * 1024;
    static final double STOP_SECONDS = 10;

    private Goals() {
    }

    static List<BenchReport.GoalCheck> check(BenchReport.GatewayResult bestGateway,
                                             BenchReport.StandaloneResult standalone) {
        List<BenchReport.GoalCheck> checks = new ArrayList<>();
        if (bestGateway != null) {
            checks.add(new BenchReport.GoalCheck("gateway >= 20,000 events/s",
                    String.format(Locale.ROOT, "%,.0f events/s (%d clients, batches of %d)",
                            bestGateway.eventsPerSecond(), bestGateway.clients(), bestGateway.batchSize()),
                    bestGateway.eventsPerSecond() >= GATEWAY_EVENTS_PER_SECOND));
        }
        if (standalone != null) {
            BenchReport.StandaloneStart first = standalone.first();
            BenchReport.StandaloneStart restart = standalone.restart();
            double slowestReady = Math.max(first.readySeconds(), restart == null ? 0 : restart.readySeconds());
            checks.add(new BenchReport.GoalCheck("standalone ready < 30 s",
                    String.format(Locale.ROOT, "%.1f s (slowest start)", slowestReady), slowestReady < READY_SECONDS));
            Long peak = first.peakRssBytes();
            if (peak != null) {
                checks.add(new BenchReport.GoalCheck("standalone resident memory < 1.5 GiB",
                        ReportFormatter.bytes(peak) + " peak (VmHWM) under load", peak < RSS_BYTES));
            }
            double slowestStop = Math.max(first.stopSeconds(), restart == null ? 0 : restart.stopSeconds());
            boolean killed = first.killed() || restart != null && restart.killed();
            checks.add(new BenchReport.GoalCheck("standalone stops within 10 s of SIGTERM",
                    String.format(Locale.ROOT, "%.1f s (slowest stop)%s", slowestStop, killed ? ", killed" : ""),
                    !killed && slowestStop <= STOP_SECONDS));
        }
        return checks;
    }
}
