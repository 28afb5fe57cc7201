package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.records.FlowCounts;
import org.junit.jupiter.api.Test;

class FlowMatricesTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Item SETTLEMENTS = CATALOG.itemOf(Flow.MEDICAL_SETTLEMENT).orElseThrow();
    private static final Instant START = Instant.parse("2026-11-27T00:00:00Z");
    private static final Instant END = Instant.parse("2026-11-28T00:00:00Z");

    private static FlowCounts cell(String flow, String from, String to, long events, long completed, double amount) {
        return new FlowCounts(flow, from, to, "1d", START, END, events, completed, amount, END);
    }

    @Test
    void shouldPlaceEachCellAtItsOriginRowAndDestinationColumn() {
        List<String> cities = CATALOG.cityCodes();
        List<FlowCounts> cells = List.of(
                cell("medical.settlement", "ordos", "hohhot", 3, 2, 350.0),
                cell("medical.settlement", "hohhot", "baotou", 1, 1, 80.5));

        FlowsView.Matrix matrix = FlowMatrices.build(Flow.MEDICAL_SETTLEMENT, SETTLEMENTS, cities, cells);

        int ordos = cities.indexOf("ordos");
        int hohhot = cities.indexOf("hohhot");
        int baotou = cities.indexOf("baotou");
        assertThat(matrix.events().get(ordos).get(hohhot)).isEqualTo(3L);
        assertThat(matrix.completed().get(ordos).get(hohhot)).isEqualTo(2L);
        assertThat(matrix.amount().get(ordos).get(hohhot)).isEqualTo(350.0);
        assertThat(matrix.events().get(hohhot).get(baotou)).isEqualTo(1L);
        assertThat(matrix.events().get(hohhot).get(ordos)).isZero();
        assertThat(matrix.totals()).isEqualTo(new FlowsView.Totals(4, 3, 430.5));
        assertThat(matrix.events()).hasSize(4).allSatisfy(row -> assertThat(row).hasSize(4));
        assertThat(matrix.item()).isEqualTo(18);
        assertThat(matrix.flow()).isEqualTo("medical.settlement");
    }

    @Test
    void shouldLeaveOutCellsOfOtherFlowsAndUnknownCities() {
        List<FlowCounts> cells = List.of(
                cell("pension.transfer", "ordos", "hohhot", 5, 5, 0),
                cell("medical.settlement", "paris", "hohhot", 7, 7, 1));

        FlowsView.Matrix matrix = FlowMatrices.build(Flow.MEDICAL_SETTLEMENT, SETTLEMENTS, CATALOG.cityCodes(), cells);

        assertThat(matrix.totals()).isEqualTo(new FlowsView.Totals(0, 0, 0));
        assertThat(matrix.events()).allSatisfy(row -> assertThat(row).containsOnly(0L));
    }
}
