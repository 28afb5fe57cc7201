package org.hbew.indicators.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.Direction;
import org.hbew.indicators.records.TargetRecord;
import org.junit.jupiter.api.Test;

class TargetRequestsTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void shouldMakeAnOperatorTargetForOneCity() {
        TargetRecord record = TargetRequests.operator(CATALOG, 18, "direct_settlement_rate", "ordos",
                Direction.AT_LEAST, 0.95, null, NOW);

        assertThat(record).isEqualTo(new TargetRecord(18, "direct_settlement_rate", "ordos", "at_least", 0.95, "1d",
                TargetRecord.SOURCE_OPERATOR, NOW));
        assertThat(TargetsWriter.key(record)).isEqualTo("18:direct_settlement_rate:ordos");
    }

    @Test
    void shouldListEveryProblemOfARequest() {
        assertThatThrownBy(() -> TargetRequests.operator(CATALOG, 18, "direct_settlement_rate", "beijing",
                Direction.AT_LEAST, 1.5, "1w", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown city 'beijing'")
                .hasMessageContaining("outside what direct_settlement_rate can take")
                .hasMessageContaining("window '1w'");
        assertThatThrownBy(() -> TargetRequests.operator(CATALOG, 23, "x", null, Direction.AT_MOST, 1, "1d", NOW))
                .hasMessageContaining("there is no item 23");
    }

    @Test
    void shouldSeedOnlyTheDefaultsThatAreMissing() {
        List<TargetRecord> all = TargetSeeder.missingDefaults(CATALOG, Map.of(), NOW);
        TargetRecord operatorOverride = new TargetRecord(18, "direct_settlement_rate", null, "at_least", 0.97, "1d",
                TargetRecord.SOURCE_OPERATOR, NOW);

        List<TargetRecord> missing = TargetSeeder.missingDefaults(CATALOG,
                Map.of("18:direct_settlement_rate", operatorOverride), NOW);

        assertThat(all).hasSize(11).allSatisfy(t -> {
            assertThat(t.source()).isEqualTo(TargetRecord.SOURCE_CATALOG);
            assertThat(t.city()).isNull();
        });
        assertThat(all).extracting(TargetRecord::indicator).contains("direct_settlement_rate", "transfer_days",
                "dispatch_minutes");
        assertThat(missing).hasSize(10).extracting(TargetRecord::indicator).doesNotContain("direct_settlement_rate");
    }

    @Test
    void shouldPrintTargetsAsATable() {
        String table = TargetTable.render(List.of(
                new TargetRecord(20, "transfer_days", null, "at_most", 15, "1d", "catalog", NOW),
                new TargetRecord(18, "direct_settlement_rate", "ordos", "at_least", 0.95, "1d", "operator", NOW)));

        assertThat(table.lines()).containsExactly(
                "ITEM  INDICATOR               CITY   DIRECTION  VALUE  WINDOW  SOURCE    UPDATED",
                "  18  direct_settlement_rate  ordos  at_least    0.95  1d      operator  2026-03-02T10:00:00Z",
                "  20  transfer_days           all    at_most       15  1d      catalog   2026-03-02T10:00:00Z");
    }
}
