package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoalsTest {

    @Test
    void shouldJudgeEveryGoalOfAFullRun() {
        List<BenchReport.GoalCheck> checks = Goals.check(ReportFixtures.gateway(4, 500, 24_000),
                ReportFixtures.standalone(12.0, 1024L * 1024 * 1024, 3.0));

        assertThat(checks).extracting(BenchReport.GoalCheck::goal).containsExactly("gateway >= 20,000 events/s",
                "standalone ready < 30 s", "standalone resident memory < 1.5 GiB",
                "standalone stops within 10 s of SIGTERM");
        assertThat(checks).allMatch(BenchReport.GoalCheck::met);
    }

    @Test
    void shouldFailTheGoalsThatWereMissed() {
        List<BenchReport.GoalCheck> checks = Goals.check(ReportFixtures.gateway(4, 500, 19_999),
                ReportFixtures.standalone(31.0, 2L * 1024 * 1024 * 1024, 10.5));

        assertThat(checks).noneMatch(BenchReport.GoalCheck::met);
        assertThat(checks.get(0).measured()).isEqualTo("19,999 events/s (4 clients, batches of 500)");
        assertThat(checks.get(2).measured()).isEqualTo("2.00 GiB peak (VmHWM) under load");
    }

    @Test
    void shouldNotJudgeWhatWasSkipped() {
        assertThat(Goals.check(ReportFixtures.gateway(4, 500, 24_000), null)).hasSize(1);
    }
}
