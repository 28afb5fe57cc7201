package org.hbew.indicators.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.datadoghq.sketch.ddsketch.DDSketch;
import com.datadoghq.sketch.ddsketch.DDSketches;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.apache.kafka.streams.test.TestRecord;
import org.hbew.indicators.processors.aggregate.IndicatorAccumulator;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.RegionIndicator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four-city rollup on hbew.indicators.region and the flow matrices on hbew.flows. */
class RollupTest {

    private static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");
    private static final List<String> CITIES = List.of("hohhot", "baotou", "ordos", "ulanqab");

    @TempDir
    Path stateDir;
    private TopologyHarness harness;

    @BeforeEach
    void startDriver() {
        harness = new TopologyHarness(stateDir, TopologySettings.defaults(1), T0);
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    private RegionIndicator lastRegion(String key) {
        return harness.drain(harness.region).stream().filter(r -> r.key().equals(key)).map(TestRecord::value)
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("no record for " + key));
    }

    @Test
    void shouldMergeTheCitiesSketchesIntoExactlyTheSketchOfAllTheirEvents() {
        Random random = new Random(7);
        DDSketch all = DDSketches.logarithmicCollapsingLowestDense(IndicatorAccumulator.RELATIVE_ACCURACY,
                IndicatorAccumulator.MAX_BINS);
        int i = 0;
        for (String city : CITIES) {
            double scale = 2 + CITIES.indexOf(city);
            for (int n = 0; n < 100; n++) {
                double days = scale * Math.exp(random.nextGaussian() / 2);
                all.accept(days);
                String from = CITIES.get((CITIES.indexOf(city) + 1) % 4);
                harness.send(Events.transferCompleted(from, city, days, T0.plusMillis(i++)));
            }
        }

        RegionIndicator region = lastRegion("20:transfer_days:1d@2026-11-27T00:00:00Z");

        assertThat(region.cities()).containsExactly("baotou", "hohhot", "ordos", "ulanqab");
        assertThat(region.statistics().count()).isEqualTo(400);
        assertThat(region.statistics().p50()).isEqualTo(all.getValueAtQuantile(0.50));
        assertThat(region.statistics().p95()).isEqualTo(all.getValueAtQuantile(0.95));
        assertThat(region.statistics().p99()).isEqualTo(all.getValueAtQuantile(0.99));
        assertThat(region.value()).isEqualTo(all.getValueAtQuantile(0.95));
    }

    @Test
    void shouldAddSumsAndCountsAcrossCities() {
        harness.send(Events.plain("hohhot", 13, "joint_route_visitors", 300, "persons", T0));
        harness.send(Events.plain("ordos", 13, "joint_route_visitors", 200, "persons", T0.plusSeconds(1)));
        harness.send(Events.plain("hohhot", 13, "joint_route_visitors", 50, "persons", T0.plusSeconds(2)));

        RegionIndicator region = lastRegion("13:joint_route_visitors:1h@2026-11-27T02:00:00Z");

        assertThat(region.value()).isEqualTo(550.0);
        assertThat(region.statistics().count()).isEqualTo(3);
        assertThat(region.cities()).containsExactly("hohhot", "ordos");
    }

    @Test
    void shouldBuildTheSettlementMatrixFromBothReportingCities() {
        harness.send(Events.settlement("ordos", "hohhot", 1000, true, 10, T0));
        harness.send(Events.settlement("ordos", "hohhot", 500, false, 2000, T0.plusSeconds(1)));
        harness.send(Events.settlement("baotou", "hohhot", 250, true, 5, T0.plusSeconds(2)));

        List<TestRecord<String, FlowCounts>> flows = harness.drain(harness.flows);
        FlowCounts ordosToHohhot = flows.stream().map(TestRecord::value)
                .filter(f -> f.from().equals("ordos") && f.window().equals("1d")).reduce((a, b) -> b).orElseThrow();

        assertThat(ordosToHohhot).isEqualTo(new FlowCounts("medical.settlement", "ordos", "hohhot", "1d",
                Instant.parse("2026-11-27T00:00:00Z"), Instant.parse("2026-11-28T00:00:00Z"), 2, 1, 1500,
                T0.plus(TopologySettings.DEFAULT_EMIT_INTERVAL)));
        assertThat(flows).extracting(TestRecord::key)
                .contains("medical.settlement:baotou:hohhot:1h@2026-11-27T02:00:00Z");
    }
}
