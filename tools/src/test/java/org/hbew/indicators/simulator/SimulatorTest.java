package org.hbew.indicators.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.testing.FakeIngest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's pacing, tokens and counting against a stand-in for ingest; SimulatorIT uses the real one. */
class SimulatorTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Map<String, String> TOKENS = Map.of("hohhot", "t-hohhot", "baotou", "t-baotou",
            "ordos", "t-ordos", "ulanqab", "t-ulanqab");

    private FakeIngest ingest;

    @BeforeEach
    void startIngest() throws Exception {
        ingest = new FakeIngest(CATALOG);
    }

    @AfterEach
    void stopIngest() {
        ingest.close();
    }

    @Test
    void shouldPostEachCitysEventsWithItsOwnTokenAndCountThem() {
        SimulatorStats stats;
        try (Simulator simulator = new Simulator(SimulatorConfig.of(ingest.url(), TOKENS, 200,
                GeneratorSettings.defaults(3)), CATALOG)) {
            simulator.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> simulator.stats().accepted() >= 200);
            simulator.close();
            stats = simulator.stats();
        }

        assertThat(stats.sent()).isEqualTo(stats.accepted()).isEqualTo(ingest.accepted().size());
        assertThat(stats.pending()).isZero();
        assertThat(ingest.authorizations()).allMatch(TOKENS.values().stream().map(t -> "Bearer " + t).toList()::contains)
                .contains("Bearer t-hohhot", "Bearer t-ulanqab");
    }

    @Test
    void shouldKeepToItsRate() throws Exception {
        // Given a simulator at 50 events/s whose pacer sees two seconds pass, a tick at a time
        SteppedTicker ticker = new SteppedTicker(Collections.nCopies(20, Duration.ofMillis(Simulator.TICK_MILLIS)));
        try (Simulator simulator = simulator(50, ticker)) {
            simulator.start();
            ticker.awaitLastStep();

            // When it stops
            simulator.close();

            // Then it has sent two seconds' worth of events, exactly
            assertThat(simulator.stats().sent()).isEqualTo(100);
        }
    }

    @Test
    void shouldCatchUpAtMostASecondsWorthAfterAStall() throws Exception {
        // Given a simulator at 50 events/s whose pacer oversleeps by five seconds, then ticks once more
        SteppedTicker ticker = new SteppedTicker(List.of(Duration.ofSeconds(5), Duration.ofMillis(Simulator.TICK_MILLIS)));
        try (Simulator simulator = simulator(50, ticker)) {
            simulator.start();
            ticker.awaitLastStep();

            // When it stops
            simulator.close();

            // Then it made up one second of the five (50 events) and kept to its rate for the tick after (5)
            assertThat(simulator.stats().sent()).isEqualTo(55);
        }
    }

    private Simulator simulator(double rate, Simulator.Ticker ticker) {
        return new Simulator(SimulatorConfig.of(ingest.url(), TOKENS, rate, GeneratorSettings.defaults(4)), CATALOG,
                Clock.systemUTC(), ticker);
    }

    /**
     * The pacer's time, moving only when it sleeps, by the steps given; after the last step, the pacer's next
     * sleep lasts until the simulator is closed. Only the pacer thread reads and moves it.
     */
    private static final class SteppedTicker implements Simulator.Ticker {

        private final Deque<Duration> steps;
        private final CountDownLatch lastStepTaken = new CountDownLatch(1);
        private long now;

        SteppedTicker(List<Duration> steps) {
            this.steps = new ArrayDeque<>(steps);
        }

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(long millis) throws InterruptedException {
            Duration step = steps.poll();
            if (step != null) {
                now += step.toNanos();
                return;
            }
            lastStepTaken.countDown();
            // Time stands still from here on: the pacer waits until close() interrupts it.
            new CountDownLatch(1).await();
        }

        void awaitLastStep() throws InterruptedException {
            assertThat(lastStepTaken.await(20, TimeUnit.SECONDS)).as("the pacer took every step").isTrue();
        }
    }

    @Test
    void shouldFallBackToTheAdminTokenAndRefuseToStartWithoutOne() {
        SimulatorConfig adminOnly = SimulatorConfig.of(ingest.url(), Map.of("admin", "t-admin"), 10,
                GeneratorSettings.defaults(5));
        assertThat(adminOnly.tokenFor("ordos")).contains("t-admin");

        assertThatThrownBy(() -> new Simulator(SimulatorConfig.of(ingest.url(), Map.of("hohhot", "t"), 10,
                GeneratorSettings.defaults(5)), CATALOG))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no token for baotou");
    }

    @Test
    void shouldCountWhatIngestRefuses() {
        ingest.answer(401, "{\"error\":\"unauthorized\",\"message\":\"the bearer token is not valid\"}", Map.of());
        try (Simulator simulator = new Simulator(SimulatorConfig.of(ingest.url(), TOKENS, 100,
                GeneratorSettings.defaults(6)), CATALOG)) {
            simulator.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> simulator.stats().accepted() >= 50);
            simulator.close();

            SimulatorStats stats = simulator.stats();
            assertThat(stats.failed()).isPositive();
            assertThat(stats.sent()).isEqualTo(stats.accepted() + stats.failed() + stats.rejected());
        }
    }

    @Test
    void shouldNeedACityForAnOutage() {
        try (Simulator simulator = new Simulator(SimulatorConfig.of(ingest.url(), TOKENS, 10,
                GeneratorSettings.defaults(7)), CATALOG)) {
            assertThatThrownBy(() -> simulator.switchScenario(Scenario.CITY_OUTAGE, null))
                    .isInstanceOf(IllegalArgumentException.class);
            simulator.switchScenario(Scenario.EMERGENCY_SURGE, null);
            assertThat(simulator.scenario()).isEqualTo(Scenario.EMERGENCY_SURGE);
        }
    }
}
