package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.http.JsonResponse;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.RegionIndicator;
import org.hbew.indicators.records.Statistics;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;
import org.junit.jupiter.api.Test;

/** The JSON the API answers and the instances pass each other, as clients and peers read it. */
class JsonShapesTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Instant NOW = Instant.parse("2026-11-27T10:30:00Z");
    private static final TargetRecord TARGET = new TargetRecord(18, "direct_settlement_rate", null, "at_least", 0.9,
            "1d", TargetRecord.SOURCE_CATALOG, Instant.EPOCH);

    private static JsonNode json(Object value) {
        return Json.mapper().valueToTree(value);
    }

    @Test
    void shouldWriteTheGridWithEveryCellAndSummaryCountsByStatus() {
        StatusState lagging = new StatusState(NOW.toEpochMilli(), Map.of("1d",
                new StatusState.Snapshot(NOW.toEpochMilli(), 0.5)), Status.LAGGING, NOW.toEpochMilli(), 0.5, TARGET);
        GridView grid = new StatusGrid(CATALOG, TopologySettings.defaults(4), (item, indicator, city) ->
                Optional.empty()).grid(Map.of(Keys.status(18, "ordos", "direct_settlement_rate"), lagging),
                NOW, Duration.ofMinutes(15));

        JsonNode body = json(grid);

        assertThat(body.get("asOf").asText()).isEqualTo("2026-11-27T10:30:00Z");
        assertThat(body.get("silentAfter").asText()).isEqualTo("PT15M");
        assertThat(body.at("/summary/indicators/LAGGING").asLong()).isEqualTo(1);
        assertThat(body.at("/summary/cells").fieldNames()).toIterable()
                .containsExactly("ON_TRACK", "LAGGING", "STALE", "NO_DATA");
        assertThat(body.at("/cities/2/code").asText()).isEqualTo("ordos");
        assertThat(body.at("/cities/2/nameZh").asText()).isEqualTo("鄂尔多斯");
        JsonNode ordos = body.at("/items/17/cities/2");
        assertThat(body.at("/items/17/item").asInt()).isEqualTo(18);
        assertThat(body.at("/items/17/titleZh").asText()).isNotBlank();
        assertThat(ordos.get("city").asText()).isEqualTo("ordos");
        assertThat(ordos.get("status").asText()).isEqualTo("LAGGING");
        JsonNode rate = ordos.get("indicators").get(2);
        assertThat(rate.fieldNames()).toIterable().containsExactly("indicator", "title", "unit", "status", "value",
                "statistic", "target", "window", "since", "lastEventAt");
        assertThat(rate.get("target").get("direction").asText()).isEqualTo("at_least");
        JsonNode never = body.at("/items/0/cities/0/indicators/0");
        assertThat(never.get("status").asText()).isEqualTo("NO_DATA");
        assertThat(never.has("value")).isFalse();
        assertThat(never.has("since")).isFalse();
    }

    @Test
    void shouldWriteAccountingWithWhetherItBalances() {
        AccountingView view = AccountingView.sum(List.of(
                Map.of("received", 5L, "counted", 3L, "duplicate", 1L, "dead_lettered", 1L),
                Map.of("received", 2L, "counted", 1L, "late", 1L)));

        JsonNode body = json(view);

        assertThat(body.fieldNames()).toIterable().containsExactly("received", "deadLettered", "duplicates", "late",
                "counted", "balanced", "partitions");
        assertThat(view).isEqualTo(new AccountingView(7, 1, 1, 1, 4, true, 2));
        assertThat(AccountingView.sum(List.of(Map.of("received", 2L, "counted", 1L))).balanced()).isFalse();
    }

    @Test
    void shouldWriteFlowMatricesAsRowsOfOrigins() {
        FlowsView view = new FlowsView("1d", NOW, NOW.plusSeconds(86_400), CATALOG.cityCodes(), List.of(
                FlowMatrices.build(Flow.PENSION_TRANSFER, CATALOG.itemOf(Flow.PENSION_TRANSFER).orElseThrow(),
                        CATALOG.cityCodes(), List.of())));

        JsonNode body = json(view);

        assertThat(body.at("/flows/0").fieldNames()).toIterable().containsExactly("flow", "item", "titleEn",
                "titleZh", "events", "completed", "amount", "totals");
        assertThat(body.at("/flows/0/events")).hasSize(4);
        assertThat(body.at("/flows/0/events/0")).hasSize(4);
    }

    @Test
    void shouldPassStatusPiecesBetweenInstancesUnchanged() throws Exception {
        StatusState state = new StatusState(NOW.toEpochMilli(), Map.of("1d",
                new StatusState.Snapshot(NOW.toEpochMilli(), 0.5)), Status.LAGGING, NOW.toEpochMilli(), 0.5, TARGET);
        PartitionAnswer<Map<String, StatusState>> answer = new PartitionAnswer<>(List.of(
                new PartitionAnswer.Piece<>(2, true, Map.of("18:ordos:direct_settlement_rate", state))), List.of(3));

        byte[] bytes = JsonResponse.bytes(answer);
        PartitionAnswer<Map<String, StatusState>> read = Json.mapper().readValue(bytes, new TypeReference<>() {
        });

        assertThat(read).isEqualTo(answer);
    }

    @Test
    void shouldPassRegionFiguresBetweenInstancesUnchanged() throws Exception {
        Statistics statistics = new Statistics(3, 2, 0, 1, 0.667, 1, NOW, 0.667, null, null, null, null);
        RegionFigures figures = new RegionFigures(List.of("hohhot", "ordos"),
                List.of(new RegionIndicator(18, "direct_settlement_rate", "ratio", "ratio", "ratio", 0.667, "1d", NOW,
                        NOW.plusSeconds(86_400), List.of("hohhot", "ordos"), statistics, NOW)),
                List.of(new FlowCounts("medical.settlement", "ordos", "hohhot", "1d", NOW, NOW.plusSeconds(86_400),
                        3, 2, 350.0, NOW)));

        RegionFigures read = Json.mapper().readValue(JsonResponse.bytes(figures), RegionFigures.class);

        assertThat(read).isEqualTo(figures);
    }
}
