package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoalsTest {

    private static final long GIB = 1024L * 1024 * 1024;

    @Test
    void shouldJudgeEveryGoalOfAFullRunOnItsBoundary() {
        List<BenchReport.GoalCheck> checks = ReportFixtures.full().goals();

        assertThat(checks).extracting(BenchReport.GoalCheck::goal).containsExactly("gateway >= 20,000 events/s",
                "processors (exactly_once_v2) >= 0.5 x B0", "processors >= 0.8 x the plain Kafka Streams job",
                "exactly_once_v2 >= 0.8 x at_least_once", "end-to-end p99 <= 300 ms at half the processors' rate",
                "processors <= 1 GiB resident after 1,000,000 distinct events", "standalone ready < 30 s",
                "standalone resident memory < 1.5 GiB", "standalone stops within 10 s of SIGTERM");
        assertThat(checks).allMatch(BenchReport.GoalCheck::met);
        assertThat(checks.get(1).measured()).isEqualTo("0.50 (200,000 against 400,000 events/s of B0)");
        assertThat(checks.get(2).measured()).isEqualTo("0.80 (200,000 against 250,000 events/s of plain job)");
        assertThat(checks.get(3).measured()).isEqualTo("0.80 (200,000 against 250,000 events/s of at_least_once)");
        assertThat(checks.get(4).measured()).isEqualTo("p99 300 ms (p50 150, max 600) at 10,000 events/s");
        assertThat(checks.get(5).measured())
                .isEqualTo("1.00 GiB peak (VmHWM), 960 MiB at the end, after 1,000,000 distinct events");
    }

    @Test
    void shouldFailTheGoalsThatWereMissed() {
        BenchReport report = ReportFixtures.report(ReportFixtures.b0(400_000), ReportFixtures.plainJob(250_000),
                ReportFixtures.processors("exactly_once_v2", 199_999),
                ReportFixtures.processors("at_least_once", 260_000), ReportFixtures.latency(301, 0),
                ReportFixtures.memory(1_000_000, GIB + 1), ReportFixtures.standalone(31.0, 2 * GIB, 10.5));

        assertThat(report.goals()).filteredOn(g -> !g.goal().startsWith("gateway")).noneMatch(BenchReport.GoalCheck::met);
        assertThat(report.goals().get(0).measured()).isEqualTo("24,000 events/s (4 clients, batches of 500)");
        assertThat(report.goals()).filteredOn(g -> g.goal().equals("standalone resident memory < 1.5 GiB"))
                .singleElement().extracting(BenchReport.GoalCheck::measured).isEqualTo("2.00 GiB peak (VmHWM) under load");
    }

    @Test
    void shouldNotCallALatencyMetWhenEventsWentMissing() {
        BenchReport report = ReportFixtures.report(null, null, ReportFixtures.processors("exactly_once_v2", 1_000),
                null, ReportFixtures.latency(100, 3), null, null);

        assertThat(report.goals()).filteredOn(g -> g.goal().startsWith("end-to-end")).singleElement()
                .satisfies(g -> assertThat(g.met()).isFalse())
                .satisfies(g -> assertThat(g.measured()).endsWith(", 3 events never seen"));
    }

    @Test
    void shouldNotCallMemoryMetAfterFewerDistinctEventsThanTheGoalNames() {
        BenchReport report = ReportFixtures.report(null, null, null, null, null, ReportFixtures.memory(20_000, GIB / 2),
                null);

        assertThat(report.goals()).filteredOn(g -> g.goal().startsWith("processors <=")).singleElement()
                .satisfies(g -> assertThat(g.met()).isFalse())
                .satisfies(g -> assertThat(g.measured()).contains("after 20,000 distinct events, too few to judge"));
    }

    @Test
    void shouldNotJudgeWhatWasSkipped() {
        BenchReport report = ReportFixtures.report(null, null, null, null, null, null, null);

        assertThat(report.goals()).extracting(BenchReport.GoalCheck::goal)
                .containsExactly("gateway >= 20,000 events/s");
    }

    @Test
    void shouldJudgeOnlyTheRatiosWhoseBothSidesRan() {
        BenchReport report = ReportFixtures.report(ReportFixtures.b0(400_000), null,
                ReportFixtures.processors("exactly_once_v2", 20_000), null, null, null, null);

        assertThat(report.ratios().processorsToBaseline()).isEqualTo(0.05);
        assertThat(report.ratios().processorsToPlainJob()).isNull();
        assertThat(report.ratios().exactlyOnceToAtLeastOnce()).isNull();
        assertThat(report.goals()).extracting(BenchReport.GoalCheck::goal).containsExactly(
                "gateway >= 20,000 events/s", "processors (exactly_once_v2) >= 0.5 x B0");
        assertThat(report.goals().get(1).met()).isFalse();
    }
}
