package org.hbew.indicators.processors.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.processors.aggregate.RegionPartials;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.RegionIndicator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollup store read as the query API and the business metrics read it: what {@link Rollups#read} finds for a
 * window is what the rollup last sent for it on hbew.indicators.region and hbew.flows.
 */
class RollupsTest {

    private static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");
    private static final TopologySettings SETTINGS = TopologySettings.defaults(1);
    private static final WindowSpec HOUR = SETTINGS.window("1h");
    private static final WindowSpec DAY = SETTINGS.window("1d");
    private static final Item VISITORS = TopologyHarness.CATALOG.item(13).orElseThrow();
    private static final Item SETTLEMENTS = TopologyHarness.CATALOG.item(18).orElseThrow();

    @TempDir
    Path stateDir;
    private TopologyHarness harness;
    private ReadOnlyWindowStore<String, RegionPartials> store;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void startDriver() {
        harness = new TopologyHarness(stateDir, SETTINGS, T0);
        store = (ReadOnlyWindowStore<String, RegionPartials>) harness.driver.getAllStateStores().get(Rollups.STORE);
    }

    @AfterEach
    void closeDriver() {
        harness.close();
    }

    @Test
    void shouldReadTheRegionalRecordsTheRollupSentLast() {
        harness.send(Events.plain("hohhot", 13, "joint_route_visitors", 300, "persons", T0));
        harness.send(Events.plain("ordos", 13, "joint_route_visitors", 200, "persons", T0.plusSeconds(1)));
        harness.send(Events.plain("hohhot", 13, "joint_route_visitors", 50, "persons", T0.plusSeconds(2)));
        Map<String, RegionIndicator> sent = lastByKey(harness.drain(harness.region));

        Rollups.Rollup rollup = Rollups.read(store, VISITORS, HOUR, HOUR.startOf(T0.toEpochMilli())).orElseThrow();
        RegionIndicator last = sent.get("13:joint_route_visitors:1h@2026-11-27T02:00:00Z");

        assertThat(rollup.cities()).containsExactly("hohhot", "ordos");
        assertThat(rollup.start()).isEqualTo(T0);
        assertThat(rollup.end()).isEqualTo(T0.plus(HOUR.size()));
        assertThat(rollup.indicators(last.updatedAt())).containsExactly(last);
        assertThat(last.value()).isEqualTo(550.0);
        assertThat(rollup.flows(last.updatedAt())).isEmpty();
    }

    @Test
    void shouldReadTheFlowCellsTheRollupSentLast() {
        harness.send(Events.settlement("ordos", "hohhot", 1000, true, 10, T0));
        harness.send(Events.settlement("ordos", "hohhot", 500, false, 2000, T0.plusSeconds(1)));
        harness.send(Events.settlement("baotou", "hohhot", 250, true, 5, T0.plusSeconds(2)));
        Map<String, FlowCounts> sent = lastByKey(harness.drain(harness.flows));
        long dayStart = DAY.startOf(T0.toEpochMilli());
        List<FlowCounts> sentForTheDay = sent.entrySet().stream()
                .filter(e -> Keys.parseFlow(e.getKey()).window().equals("1d"))
                .map(Map.Entry::getValue).toList();

        Rollups.Rollup rollup = Rollups.read(store, SETTLEMENTS, DAY, dayStart).orElseThrow();

        assertThat(rollup.cities()).containsExactly("baotou", "ordos");
        assertThat(rollup.flows(sentForTheDay.get(0).updatedAt())).containsExactlyInAnyOrderElementsOf(sentForTheDay)
                .hasSize(2);
    }

    @Test
    void shouldFindNothingWhereNoCityReported() {
        harness.send(Events.plain("hohhot", 13, "joint_route_visitors", 300, "persons", T0));
        harness.drain(harness.region);
        long hour = HOUR.startOf(T0.toEpochMilli());

        assertThat(Rollups.read(store, VISITORS, HOUR, hour - HOUR.sizeMs())).isEmpty();
        assertThat(Rollups.read(store, SETTLEMENTS, HOUR, hour)).isEmpty();
        assertThat(Rollups.read(store, VISITORS, HOUR, hour)).map(Rollups.Rollup::cities)
                .isEqualTo(Optional.of(List.of("hohhot")));
    }

    private static <V> Map<String, V> lastByKey(List<TestRecord<String, V>> records) {
        return records.stream().collect(Collectors.toMap(TestRecord::key, TestRecord::value, (first, later) -> later));
    }
}
