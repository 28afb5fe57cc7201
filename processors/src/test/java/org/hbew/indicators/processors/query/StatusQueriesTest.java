package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.records.Status;
import org.junit.jupiter.api.Test;

class StatusQueriesTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Instant NOW = Instant.parse("2026-11-27T10:30:00Z");

    private static StatusState state(Status status, double value) {
        return new StatusState(NOW.toEpochMilli(), Map.of(), status, NOW.toEpochMilli(), value, null);
    }

    @Test
    void shouldMergeThePiecesOfEveryInstanceIntoTheGrid() {
        FakeInstance a = new FakeInstance("a", 1)
                .active(0, Map.of(Keys.status(1, "hohhot", "zone_milestones"), state(Status.ON_TRACK, 2)))
                .active(1, Map.of());
        FakeInstance b = new FakeInstance("b", 2)
                .active(2, Map.of(Keys.status(17, "ulanqab", "trainees"), state(Status.ON_TRACK, 40),
                        Keys.status(1, "baotou", "zone_milestones"), state(Status.STALE, 1)))
                .active(3, Map.of());
        FakePlacement placement = new FakePlacement(a.host, 0)
                .partition(0, a.host).partition(1, a.host).partition(2, b.host).partition(3, b.host);
        Map<HostInfo, StoreReader> readers = Map.of(a.host, a, b.host, b);
        Router router = new Router(placement, readers::get, Duration.ofSeconds(2));
        StatusQueries queries = new StatusQueries(router, null, CATALOG, TopologySettings.defaults(4),
                Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(15));

        Read<Map<String, StatusState>> states = queries.states();
        GridView grid = new StatusGrid(CATALOG, TopologySettings.defaults(4), (item, indicator, city) ->
                Optional.empty()).grid(states.value(), NOW, Duration.ofMinutes(15));

        assertThat(states.stale()).isFalse();
        assertThat(states.value()).hasSize(3);
        assertThat(grid.items().get(0).cities().get(0).status()).isEqualTo(Status.ON_TRACK);
        assertThat(grid.items().get(0).cities().get(1).status()).isEqualTo(Status.STALE);
        assertThat(grid.items().get(16).cities().get(3).counts()).containsEntry(Status.ON_TRACK, 1L);
        assertThat(grid.summary().indicators()).containsEntry(Status.ON_TRACK, 2L).containsEntry(Status.STALE, 1L);
    }
}
