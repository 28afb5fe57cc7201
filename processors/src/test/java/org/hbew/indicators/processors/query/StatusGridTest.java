package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;
import org.junit.jupiter.api.Test;

class StatusGridTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Instant NOW = Instant.parse("2026-11-27T10:30:00Z");
    private static final Duration SILENT_AFTER = Duration.ofMinutes(15);
    private static final TargetRecord RATE_TARGET = new TargetRecord(18, "direct_settlement_rate", null, "at_least",
            0.9, "1d", TargetRecord.SOURCE_CATALOG, Instant.EPOCH);

    /** Targets as the catalog's defaults give them, without a store. */
    private static final StatusGrid.TargetLookup CATALOG_TARGETS = (Item item, Indicator indicator, String city) ->
            indicator.target().map(t -> new TargetRecord(item.number(), indicator.code(), null,
                    t.direction().code(), t.value(), t.window(), TargetRecord.SOURCE_CATALOG, Instant.EPOCH));

    private final StatusGrid grid = new StatusGrid(CATALOG, TopologySettings.defaults(4), CATALOG_TARGETS);

    private static StatusState state(Status status, Double value, TargetRecord target, Instant lastEvent) {
        return new StatusState(lastEvent == null ? null : lastEvent.toEpochMilli(), Map.of(), status,
                NOW.minusSeconds(60).toEpochMilli(), value, target);
    }

    private static GridView.CityCell cell(GridView view, int item, String city) {
        return view.items().get(item - 1).cities().stream().filter(c -> c.city().equals(city)).findFirst()
                .orElseThrow();
    }

    private static GridView.IndicatorCell indicator(GridView.CityCell cell, String code) {
        return cell.indicators().stream().filter(i -> i.indicator().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void shouldHaveEveryItemCityAndIndicatorWithNoDataWhereNothingWasJudged() {
        GridView view = grid.grid(Map.of(), NOW, SILENT_AFTER);

        assertThat(view.items()).hasSize(22);
        assertThat(view.items()).allSatisfy(row -> assertThat(row.cities()).extracting(GridView.CityCell::city)
                .containsExactly("hohhot", "baotou", "ordos", "ulanqab"));
        long indicators = CATALOG.items().stream().mapToLong(i -> i.indicators().size()).sum() * 4;
        assertThat(view.summary().indicators()).containsEntry(Status.NO_DATA, indicators)
                .containsEntry(Status.ON_TRACK, 0L).containsEntry(Status.LAGGING, 0L).containsEntry(Status.STALE, 0L);
        assertThat(view.summary().cells()).containsEntry(Status.NO_DATA, 88L);
        GridView.IndicatorCell rate = indicator(cell(view, 18, "ordos"), "direct_settlement_rate");
        assertThat(rate.status()).isEqualTo(Status.NO_DATA);
        assertThat(rate.value()).isNull();
        assertThat(rate.target()).isEqualTo(RATE_TARGET);
        assertThat(rate.window()).isEqualTo("1d");
        assertThat(rate.statistic()).isEqualTo("ratio");
        assertThat(view.cities()).allSatisfy(c -> assertThat(c.silent()).isTrue());
    }

    @Test
    void shouldMergeTheStatesOfSeveralInstancesIntoOneGrid() {
        Map<String, StatusState> fromA = Map.of(Keys.status(18, "ordos", "direct_settlement_rate"),
                state(Status.LAGGING, 0.5, RATE_TARGET, NOW.minusSeconds(30)));
        Map<String, StatusState> fromB = Map.of(Keys.status(2, "hohhot", "road_km_opened"),
                state(Status.ON_TRACK, 12.5, null, NOW.minusSeconds(3600)));
        Map<String, StatusState> merged = new HashMap<>(fromA);
        merged.putAll(fromB);

        GridView view = grid.grid(merged, NOW, SILENT_AFTER);

        GridView.CityCell ordos = cell(view, 18, "ordos");
        assertThat(ordos.status()).isEqualTo(Status.LAGGING);
        assertThat(ordos.counts()).containsEntry(Status.LAGGING, 1L).containsEntry(Status.NO_DATA, 3L);
        GridView.IndicatorCell rate = indicator(ordos, "direct_settlement_rate");
        assertThat(rate.value()).isEqualTo(0.5);
        assertThat(rate.since()).isEqualTo(NOW.minusSeconds(60));
        assertThat(rate.lastEventAt()).isEqualTo(NOW.minusSeconds(30));
        assertThat(cell(view, 2, "hohhot").status()).isEqualTo(Status.ON_TRACK);
        assertThat(indicator(cell(view, 2, "hohhot"), "road_km_opened").window()).isEqualTo("1d");
        assertThat(view.summary().indicators()).containsEntry(Status.LAGGING, 1L).containsEntry(Status.ON_TRACK, 1L);
        assertThat(view.summary().cells()).containsEntry(Status.LAGGING, 1L).containsEntry(Status.ON_TRACK, 1L)
                .containsEntry(Status.NO_DATA, 86L);
        assertThat(view.cities()).extracting(GridView.CityInfo::code, GridView.CityInfo::silent).containsExactly(
                org.assertj.core.groups.Tuple.tuple("hohhot", true),
                org.assertj.core.groups.Tuple.tuple("baotou", true),
                org.assertj.core.groups.Tuple.tuple("ordos", false),
                org.assertj.core.groups.Tuple.tuple("ulanqab", true));
    }

    @Test
    void shouldShowTheWorstStatusOfACell() {
        assertThat(StatusGrid.worst(List.of(Status.ON_TRACK, Status.STALE, Status.NO_DATA))).isEqualTo(Status.STALE);
        assertThat(StatusGrid.worst(List.of(Status.STALE, Status.LAGGING))).isEqualTo(Status.LAGGING);
        assertThat(StatusGrid.worst(List.of(Status.NO_DATA, Status.ON_TRACK))).isEqualTo(Status.ON_TRACK);
        assertThat(StatusGrid.worst(List.of())).isEqualTo(Status.NO_DATA);
    }

    @Test
    void shouldUseACitysOwnTargetForAnIndicatorNeverJudged() {
        TargetRecord ordosOnly = new TargetRecord(18, "direct_settlement_rate", "ordos", "at_least", 0.8, "1h",
                TargetRecord.SOURCE_OPERATOR, NOW);
        StatusGrid withOverride = new StatusGrid(CATALOG, TopologySettings.defaults(4),
                (item, indicator, city) -> "ordos".equals(city) && indicator.code().equals("direct_settlement_rate")
                        ? Optional.of(ordosOnly) : CATALOG_TARGETS.target(item, indicator, city));

        GridView view = withOverride.grid(Map.of(), NOW, SILENT_AFTER);

        assertThat(indicator(cell(view, 18, "ordos"), "direct_settlement_rate").target()).isEqualTo(ordosOnly);
        assertThat(indicator(cell(view, 18, "ordos"), "direct_settlement_rate").window()).isEqualTo("1h");
        assertThat(indicator(cell(view, 18, "hohhot"), "direct_settlement_rate").target()).isEqualTo(RATE_TARGET);
    }
}
