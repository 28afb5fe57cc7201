package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.streams.state.HostInfo;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.records.CityIndicator;
import org.hbew.indicators.records.Status;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final FakeInstance a = new FakeInstance("a", 1);
    private final FakeInstance b = new FakeInstance("b", 2);

    private static Map<String, StatusState> states(String key) {
        return Map.of(key, new StatusState(1L, Map.of(), Status.ON_TRACK, 1L, 1.0, null));
    }

    private Router router(FakePlacement placement) {
        Map<HostInfo, FakeInstance> instances = Stream.of(a, b).collect(Collectors.toMap(i -> i.host, i -> i));
        Function<HostInfo, StoreReader> readers = instances::get;
        return new Router(placement, readers, Duration.ofSeconds(2));
    }

    private Read<Map<Integer, Map<String, StatusState>>> gather(FakePlacement placement) {
        return router(placement).byPartitions("hbew.events.raw", 4, List.of(0, 1, 2, 3), StoreReader::statuses);
    }

    @Test
    void shouldGatherEveryPartitionFromItsActiveInstanceAskingEachInstanceOnce() {
        a.active(0, states("k0")).active(2, states("k2"));
        b.active(1, states("k1")).active(3, states("k3"));
        FakePlacement placement = new FakePlacement(a.host, 0)
                .partition(0, a.host).partition(1, b.host).partition(2, a.host).partition(3, b.host);

        Read<Map<Integer, Map<String, StatusState>>> read = gather(placement);

        assertThat(read.stale()).isFalse();
        assertThat(read.value()).containsOnlyKeys(0, 1, 2, 3);
        assertThat(read.value().get(3)).containsOnlyKeys("k3");
        assertThat(a.asked).containsExactly("statuses [0, 2]");
        assertThat(b.asked).containsExactly("statuses [1, 3]");
    }

    @Test
    void shouldReadAPartitionFromAStandbyWhenItsActiveInstanceIsGoneAndMarkItStale() {
        a.active(0, states("k0")).active(1, states("k1")).standby(2, states("k2"));
        b.down();
        FakePlacement placement = new FakePlacement(a.host, 0)
                .partition(0, a.host).partition(1, a.host).partition(2, b.host, a.host);

        Read<Map<Integer, Map<String, StatusState>>> read = router(placement).byPartitions("hbew.events.raw", 3,
                List.of(0, 1, 2), StoreReader::statuses);

        assertThat(read.stale()).isTrue();
        assertThat(read.value().get(2)).containsOnlyKeys("k2");
        assertThat(a.asked).containsExactly("statuses [0, 1]", "statuses [2] stale");
    }

    @Test
    void shouldBeUnavailableRatherThanAnswerPartOfTheGrid() {
        a.active(0, states("k0"));
        FakePlacement placement = new FakePlacement(a.host, 0)
                .partition(0, a.host).partition(1, null).partition(2, b.host).partition(3, a.host);
        b.down();

        assertThatThrownBy(() -> gather(placement))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("partition(s) [1, 2, 3]")
                .hasMessageContaining("instance b:2 did not answer");
    }

    @Test
    void shouldReadAKeyFromItsActiveInstance() {
        CityIndicator record = HistoryRecords.record("road_km_opened", 12.5);
        b.activeHistory(3, List.of(record));
        FakePlacement placement = new FakePlacement(a.host, 3).partition(3, b.host, a.host);

        Read<List<CityIndicator>> read = router(placement).byKey("city-1h-store", "2:ordos",
                (reader, partition, stale) -> reader.cityHistory(HistoryRecords.QUERY, partition, stale));

        assertThat(read).isEqualTo(Read.fresh(List.of(record)));
        assertThat(b.asked).containsExactly("history 3");
        assertThat(a.asked).isEmpty();
    }

    @Test
    void shouldFallBackToAStandbyForAKeyAndMarkItStale() {
        CityIndicator record = HistoryRecords.record("road_km_opened", 12.5);
        a.standbyHistory(3, List.of(record));
        b.down();
        FakePlacement placement = new FakePlacement(a.host, 3).partition(3, b.host, a.host);

        Read<List<CityIndicator>> read = router(placement).byKey("city-1h-store", "2:ordos",
                (reader, partition, stale) -> reader.cityHistory(HistoryRecords.QUERY, partition, stale));

        assertThat(read).isEqualTo(new Read<>(List.of(record), true));
        assertThat(b.asked).containsExactly("history 3");
        assertThat(a.asked).containsExactly("history 3 stale");
    }

    @Test
    void shouldBeUnavailableWhenNoCopyOfAKeyCanBeRead() {
        FakePlacement placement = new FakePlacement(a.host, 3).partition(3, b.host);
        b.down();

        assertThatThrownBy(() -> router(placement).byKey("city-1h-store", "2:ordos",
                (reader, partition, stale) -> reader.cityHistory(HistoryRecords.QUERY, partition, stale)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageStartingWith("partition 3 of city-1h-store (key '2:ordos') cannot be read now");
        assertThat(b.asked).containsExactly("history 3", "history 3 stale");
    }
}
