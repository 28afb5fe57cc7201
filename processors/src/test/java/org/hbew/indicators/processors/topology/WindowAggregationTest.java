package org.hbew.indicators.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.test.TestRecord;
import org.hbew.indicators.processors.aggregate.IndicatorAccumulator;
import org.hbew.indicators.records.CityIndicator;
import org.hbew.indicators.records.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windowed figures per item, city and indicator on hbew.indicators.city. */
class WindowAggregationTest {

    private static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");
    /** The wall clock: after every event of these tests (events ahead of it are dead-lettered). */
    private static final Instant NOW = T0.plus(Duration.ofHours(2));

    @TempDir
    Path stateDir;
    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(stateDir, TopologySettings.defaults(1), NOW);
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    private CityIndicator last(String key) {
        return harness.drain(harness.city).stream().filter(r -> r.key().equals(key)).map(TestRecord::value)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no record for " + key));
    }

    @Test
    void shouldEmitTheWholeFigureOfEachChangedWindowOncePerEmitInterval() {
        harness.send(Events.plain("hohhot", 10, "raw_milk_output", 120, "t", T0.plusSeconds(60)));
        harness.send(Events.plain("hohhot", 10, "raw_milk_output", 80, "t", T0.plus(Duration.ofMinutes(70))));

        List<TestRecord<String, CityIndicator>> out = harness.drain(harness.city);

        Instant hour2 = T0;
        Instant hour3 = T0.plus(Duration.ofHours(1));
        Instant day = Instant.parse("2026-11-27T00:00:00Z");
        assertThat(out).extracting(TestRecord::key, r -> r.value().value(), r -> r.value().statistics().count())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("10:hohhot:raw_milk_output:1h@" + hour2, 120.0, 1L),
                        org.assertj.core.groups.Tuple.tuple("10:hohhot:raw_milk_output:1h@" + hour3, 80.0, 1L),
                        org.assertj.core.groups.Tuple.tuple("10:hohhot:raw_milk_output:1d@" + day, 200.0, 2L));
        Instant sent = NOW.plus(TopologySettings.DEFAULT_EMIT_INTERVAL);
        CityIndicator daily = out.get(2).value();
        assertThat(daily).isEqualTo(new CityIndicator(10, "hohhot", "raw_milk_output", "t", "sum", "sum", 200.0, "1d",
                day, day.plus(Duration.ofDays(1)),
                new Statistics(2, 200, 80, 120, 100, 80, T0.plus(Duration.ofMinutes(70)), null, null, null, null, null),
                sent));
        assertThat(out.get(2).timestamp()).isEqualTo(T0.plus(Duration.ofMinutes(70)).toEpochMilli());

        harness.send(Events.plain("hohhot", 10, "raw_milk_output", 5, "t", T0.plus(Duration.ofMinutes(75))));
        assertThat(harness.drain(harness.city)).as("only the windows changed since the last emission")
                .extracting(TestRecord::key, r -> r.value().value()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("10:hohhot:raw_milk_output:1h@" + hour3, 85.0),
                        org.assertj.core.groups.Tuple.tuple("10:hohhot:raw_milk_output:1d@" + day, 205.0));
        assertThat(harness.drain(harness.city)).as("nothing changed, nothing sent").isEmpty();
    }

    @Test
    void shouldReportTheLatestObservationForCumulativeFigures() {
        harness.send(Events.plain("ordos", 2, "road_link_progress", 40, "percent", T0.plusSeconds(600)));
        harness.send(Events.plain("ordos", 2, "road_link_progress", 35, "percent", T0.plusSeconds(300)));

        assertThat(last("2:ordos:road_link_progress:1d@2026-11-27T00:00:00Z").value()).isEqualTo(40.0);
    }

    @Test
    void shouldComputeTheDirectSettlementRateAndFlowAmounts() {
        for (int i = 0; i < 10; i++) {
            harness.send(Events.settlement("ordos", "hohhot", 100 + i, i != 3, 20, T0.plusSeconds(i)));
        }

        List<TestRecord<String, CityIndicator>> out = harness.drain(harness.city);
        CityIndicator rate = out.stream().map(TestRecord::value)
                .filter(c -> c.indicator().equals("direct_settlement_rate") && c.window().equals("1d"))
                .reduce((a, b) -> b).orElseThrow();
        CityIndicator amount = out.stream().map(TestRecord::value)
                .filter(c -> c.indicator().equals("settlement_amount") && c.window().equals("1d"))
                .reduce((a, b) -> b).orElseThrow();

        assertThat(rate.value()).isEqualTo(0.9);
        assertThat(rate.statistics().ratio()).isEqualTo(0.9);
        assertThat(amount.value()).isEqualTo(1045.0);
    }

    @Test
    void shouldKeepQuantilesWithinTheSketchsStatedRelativeError() {
        Random random = new Random(42);
        double[] minutes = new double[500];
        for (int i = 0; i < minutes.length; i++) {
            minutes[i] = Math.exp(2 + random.nextGaussian());
            harness.send(Events.emergency("baotou", "ordos", minutes[i], T0.plusMillis(i)));
        }

        CityIndicator dispatch = last("21:baotou:dispatch_minutes:1d@2026-11-27T00:00:00Z");

        double[] sorted = minutes.clone();
        Arrays.sort(sorted);
        double alpha = IndicatorAccumulator.RELATIVE_ACCURACY;
        assertThat(dispatch.statistics().relativeAccuracy()).isEqualTo(alpha);
        assertThat(dispatch.statistics().p50()).isCloseTo(exact(sorted, 0.50), within(alpha * exact(sorted, 0.50)));
        assertThat(dispatch.statistics().p95()).isCloseTo(exact(sorted, 0.95), within(alpha * exact(sorted, 0.95)));
        assertThat(dispatch.statistics().p99()).isCloseTo(exact(sorted, 0.99), within(alpha * exact(sorted, 0.99)));
        assertThat(dispatch.value()).isEqualTo(dispatch.statistics().p95());
        assertThat(dispatch.statistics().count()).isEqualTo(500);
    }

    /** The lower quantile, the definition DDSketch's guarantee is stated for. */
    static double exact(double[] sorted, double q) {
        return sorted[(int) Math.floor(q * (sorted.length - 1))];
    }

    @Test
    void shouldObserveOnlyWhatAFlowEventHas() {
        harness.send(Events.emergency("ulanqab", "hohhot", null, T0));

        List<String> indicators = new ArrayList<>();
        harness.drain(harness.city).forEach(r -> indicators.add(r.value().indicator() + "/" + r.value().window()));

        assertThat(indicators).containsExactlyInAnyOrder("fulfilled_rate/1h", "support_requests/1h",
                "fulfilled_rate/1d", "support_requests/1d");
    }
}
