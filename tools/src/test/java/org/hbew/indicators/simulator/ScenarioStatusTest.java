package org.hbew.indicators.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.hbew.indicators.records.Status;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The simulator's scenarios judged by the processors' real topology, as {@code ./hbew standalone} shows them: in
 * {@code steady} nine cells in ten that have data are ON_TRACK from the first minute on, whatever the time of day;
 * each trouble scenario turns exactly the cells it is about, and no other (the README lists them).
 */
class ScenarioStatusTest {

    /** The standalone's default simulation rate. */
    private static final double STANDALONE_RATE = 20;
    /** Half of it, where a scenario runs long enough for the samples to be large: the topology driver is slow. */
    private static final double HALF_RATE = 10;
    private static final List<String> CITIES = TopologyRun.CATALOG.cityCodes();

    @TempDir
    Path stateDir;
    private TopologyRun run;

    @AfterEach
    void closeDriver() {
        if (run != null) {
            run.close();
        }
    }

    /**
     * 18:40 in the cities, when pace from midnight UTC once expected 44 % of a day's target from a simulator that
     * had just started; and two minutes before a new daily window opens, so the run crosses into an empty day.
     */
    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T10:40:00Z", "2026-03-02T23:58:00Z"})
    void shouldKeepNineCellsInTenOnTrackInASteadyRunFromTheFirstMinuteOn(String start) {
        // Given a fresh standalone's steady simulation
        run = new TopologyRun(stateDir, Instant.parse(start));
        EventGenerator generator = run.generator(GeneratorSettings.defaults(42));
        List<String> misses = new ArrayList<>();
        List<Long> withData = new ArrayList<>();

        // When it runs for five minutes
        run.run(generator, STANDALONE_RATE, Duration.ofMinutes(5), (elapsed, cells) -> {
            long reported = cells.values().stream().filter(s -> s != Status.NO_DATA).count();
            long onTrack = cells.values().stream().filter(s -> s == Status.ON_TRACK).count();
            withData.add(reported);
            if (elapsed.compareTo(Duration.ofMinutes(1)) > 0 && onTrack < 0.9 * reported) {
                misses.add(elapsed + ": " + onTrack + " of " + reported + " on track; lagging "
                        + run.indicatorsIn(Status.LAGGING) + ", stale " + run.indicatorsIn(Status.STALE));
            }
        });

        // Then after the first minute at least 90 % of the cells with data were ON_TRACK at every re-judgement
        assertThat(misses).isEmpty();
        assertThat(withData.get(withData.size() - 1)).as("cells with data at the end").isGreaterThanOrEqualTo(80);
    }

    @Test
    void shouldTurnTheSilentCitysFlowItemsStaleAfterAnHourAndNothingElse() {
        // Given a steady run
        run = new TopologyRun(stateDir, Instant.parse("2026-03-02T02:00:00Z"));
        EventGenerator generator = run.generator(GeneratorSettings.defaults(7));
        run.run(generator, STANDALONE_RATE, Duration.ofMinutes(3), (elapsed, cells) -> { });
        assertThat(notOnTrack(run.cells())).isEmpty();

        // When Ordos falls silent, for a little less than an hour and then for more
        generator.switchScenario(Scenario.CITY_OUTAGE, "ordos");
        Set<String> staleWithinTheHour = new TreeSet<>();
        run.run(generator, 2, Duration.ofMinutes(58),
                (elapsed, cells) -> staleWithinTheHour.addAll(TopologyRun.cellsIn(cells, Status.STALE)));
        run.run(generator, 2, Duration.ofMinutes(3), (elapsed, cells) -> { });

        // Then its three flow items, whose cadence is an hour, are STALE; its daily items wait for a day
        assertThat(staleWithinTheHour).isEmpty();
        assertThat(notOnTrack(run.cells())).as("lagging %s", run.indicatorsIn(Status.LAGGING))
                .containsOnlyKeys("18:ordos", "20:ordos", "21:ordos")
                .allSatisfy((cell, status) -> assertThat(status).isEqualTo(Status.STALE));
    }

    @Test
    void shouldTurnPensionTransfersLaggingInEveryCityAndNothingElse() {
        // Given a steady run
        run = new TopologyRun(stateDir, Instant.parse("2026-03-02T06:00:00Z"));
        EventGenerator generator = run.generator(GeneratorSettings.defaults(11));
        run.run(generator, STANDALONE_RATE, Duration.ofMinutes(3), (elapsed, cells) -> { });
        assertThat(notOnTrack(run.cells())).isEmpty();

        // When transfers slow down over the five-minute ramp and a little longer
        generator.switchScenario(Scenario.SLOW_PENSION, null);
        run.run(generator, HALF_RATE, Duration.ofMinutes(7), (elapsed, cells) -> { });

        // Then item 20 lags in all four cities, on its completion time and its backlog, and nothing else does
        assertThat(notOnTrack(run.cells())).containsOnlyKeys(cellsOfItem(20))
                .allSatisfy((cell, status) -> assertThat(status).isEqualTo(Status.LAGGING));
        assertThat(run.indicatorsIn(Status.LAGGING)).allMatch(key -> key.startsWith("20:"))
                .anyMatch(key -> key.endsWith(":transfer_days"));
    }

    @Test
    void shouldTurnEmergencySupportLaggingInEveryCityAndNothingElse() {
        // Given a steady run
        run = new TopologyRun(stateDir, Instant.parse("2026-03-02T14:00:00Z"));
        EventGenerator generator = run.generator(GeneratorSettings.defaults(13));
        run.run(generator, STANDALONE_RATE, Duration.ofMinutes(3), (elapsed, cells) -> { });
        assertThat(notOnTrack(run.cells())).isEmpty();

        // When emergency requests surge for a few minutes
        generator.switchScenario(Scenario.EMERGENCY_SURGE, null);
        run.run(generator, HALF_RATE, Duration.ofMinutes(5), (elapsed, cells) -> { });

        // Then item 21 lags in all four cities, and nothing else does
        assertThat(notOnTrack(run.cells())).containsOnlyKeys(cellsOfItem(21))
                .allSatisfy((cell, status) -> assertThat(status).isEqualTo(Status.LAGGING));
        assertThat(run.indicatorsIn(Status.LAGGING)).allMatch(key -> key.startsWith("21:"));
    }

    /** The cells with data that are not ON_TRACK, with their status. */
    private static Map<String, Status> notOnTrack(Map<String, Status> cells) {
        Map<String, Status> trouble = new TreeMap<>(cells);
        trouble.values().removeIf(s -> s == Status.ON_TRACK || s == Status.NO_DATA);
        return trouble;
    }

    private static String[] cellsOfItem(int item) {
        return CITIES.stream().map(city -> item + ":" + city).toArray(String[]::new);
    }
}
