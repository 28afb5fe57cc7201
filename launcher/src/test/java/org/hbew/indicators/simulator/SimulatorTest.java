package org.hbew.indicators.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
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
        try (Simulator simulator = new Simulator(SimulatorConfig.of(ingest.url(), TOKENS, 50,
                GeneratorSettings.defaults(4)), CATALOG)) {
            simulator.start();
            Thread.sleep(2_000);
            simulator.close();

            assertThat(simulator.stats().sent()).isBetween(70L, 110L);
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
