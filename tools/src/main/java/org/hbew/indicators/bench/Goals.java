package org.hbew.indicators.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The targets of issues 2, 3 and 9 and whether a run met them: at least 20,000 events/s through the gateway
 * (issue 3); standalone ready within 30 s and under 1.5 GiB resident (issue 2), stopped within 10 s of SIGTERM
 * (contract); the processors under exactly_once_v2 at half of B0 or more, at 0.8 of the plain Kafka Streams job
 * or more, and at 0.8 of themselves under at_least_once or more; a p99 end-to-end latency of 300 ms at most at
 * half their rate; at most 1 GiB resident after 1,000,000 distinct events (issue 9). Goals whose phase was
 * skipped are not judged.
 */
final class Goals {

    static final double GATEWAY_EVENTS_PER_SECOND = 20_000;
    static final double READY_SECONDS = 30;
    static final long RSS_BYTES = 3L * 512 * 1024 * 1024;
    static final double STOP_SECONDS = 10;
    static final double PROCESSORS_TO_BASELINE = 0.5;
    static final double PROCESSORS_TO_PLAIN_JOB = 0.8;
    static final double EXACTLY_ONCE_TO_AT_LEAST_ONCE = 0.8;
    static final double LATENCY_P99_MS = 300;
    static final long PROCESSORS_RSS_BYTES = 1024L * 1024 * 1024;
    static final long MEMORY_DISTINCT_EVENTS = 1_000_000;

    private Goals() {
    }

    static List<BenchReport.GoalCheck> check(BenchReport report) {
        List<BenchReport.GoalCheck> checks = new ArrayList<>();
        BenchReport.GatewayResult bestGateway = report.bestGateway();
        if (bestGateway != null) {
            checks.add(new BenchReport.GoalCheck("gateway >= 20,000 events/s",
                    String.format(Locale.ROOT, "%,.0f events/s (%d clients, batches of %d)",
                            bestGateway.eventsPerSecond(), bestGateway.clients(), bestGateway.batchSize()),
                    bestGateway.eventsPerSecond() >= GATEWAY_EVENTS_PER_SECOND));
        }
        processorGoals(report, checks);
        if (report.latency() != null) {
            BenchReport.LatencyResult latency = report.latency();
            checks.add(new BenchReport.GoalCheck("end-to-end p99 <= 300 ms at half the processors' rate",
                    String.format(Locale.ROOT, "p99 %,.0f ms (p50 %,.0f, max %,.0f) at %,.0f events/s%s",
                            latency.latency().p99Ms(), latency.latency().p50Ms(), latency.latency().maxMs(),
                            latency.targetEventsPerSecond(), latency.missing() > 0
                                    ? String.format(Locale.ROOT, ", %,d events never seen", latency.missing()) : ""),
                    latency.missing() == 0 && latency.latency().count() > 0
                            && latency.latency().p99Ms() <= LATENCY_P99_MS));
        }
        if (report.memory() != null && report.memory().peakRssBytes() != null) {
            BenchReport.MemoryResult memory = report.memory();
            boolean enough = memory.distinctEvents() >= MEMORY_DISTINCT_EVENTS;
            checks.add(new BenchReport.GoalCheck("processors <= 1 GiB resident after 1,000,000 distinct events",
                    String.format(Locale.ROOT, "%s peak (VmHWM), %s at the end, after %,d distinct events%s%s",
                            ReportFormatter.bytes(memory.peakRssBytes()), ReportFormatter.bytes(memory.rssBytes()),
                            memory.distinctEvents(), enough ? "" : ", too few to judge",
                            memory.finished() ? "" : " (not all worked off)"),
                    enough && memory.finished() && memory.peakRssBytes() <= PROCESSORS_RSS_BYTES));
        }
        standaloneGoals(report.standalone(), checks);
        return checks;
    }

    private static void processorGoals(BenchReport report, List<BenchReport.GoalCheck> checks) {
        BenchReport.Ratios ratios = report.ratios();
        BenchReport.ProcessorsResult eos = report.processors();
        if (eos == null) {
            return;
        }
        if (ratios.processorsToBaseline() != null) {
            checks.add(ratioGoal("processors (exactly_once_v2) >= 0.5 x B0", ratios.processorsToBaseline(),
                    PROCESSORS_TO_BASELINE, eos.eventsPerSecond(), report.baseline().producer().recordsPerSecond(),
                    "B0"));
        }
        if (ratios.processorsToPlainJob() != null) {
            checks.add(ratioGoal("processors >= 0.8 x the plain Kafka Streams job", ratios.processorsToPlainJob(),
                    PROCESSORS_TO_PLAIN_JOB, eos.eventsPerSecond(), report.plainJob().eventsPerSecond(),
                    "plain job"));
        }
        if (ratios.exactlyOnceToAtLeastOnce() != null) {
            checks.add(ratioGoal("exactly_once_v2 >= 0.8 x at_least_once", ratios.exactlyOnceToAtLeastOnce(),
                    EXACTLY_ONCE_TO_AT_LEAST_ONCE, eos.eventsPerSecond(), report.alos().eventsPerSecond(),
                    "at_least_once"));
        }
    }

    private static BenchReport.GoalCheck ratioGoal(String goal, double ratio, double least, double rate,
                                                   double otherRate, String other) {
        return new BenchReport.GoalCheck(goal, String.format(Locale.ROOT, "%.2f (%,.0f against %,.0f events/s of %s)",
                ratio, rate, otherRate, other), ratio >= least);
    }

    private static void standaloneGoals(BenchReport.StandaloneResult standalone, List<BenchReport.GoalCheck> checks) {
        if (standalone == null) {
            return;
        }
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
}
