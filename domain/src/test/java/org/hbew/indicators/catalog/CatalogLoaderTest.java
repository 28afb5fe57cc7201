package org.hbew.indicators.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CatalogLoaderTest {

    private static String shipped() throws IOException {
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(CatalogLoader.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Catalog parse(String yaml) {
        return CatalogLoader.parse("test.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    private static CatalogException rejected(String yaml) {
        try {
            parse(yaml);
        } catch (CatalogException e) {
            return e;
        }
        throw new AssertionError("the catalog was accepted");
    }

    @Test
    void shouldLoadTheShippedCatalogWithAllCitiesAndItems() {
        Catalog catalog = CatalogLoader.loadDefault();

        assertThat(catalog.cityCodes()).containsExactly("hohhot", "baotou", "ordos", "ulanqab");
        assertThat(catalog.items()).extracting(Item::number).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 22).boxed().toList());
        assertThat(catalog.items()).allSatisfy(item -> {
            assertThat(item.indicators()).isNotEmpty();
            assertThat(item.titleZh()).isNotBlank();
        });
    }

    @Test
    void shouldDescribeTheThreeFlowsAndTheirDerivedIndicators() {
        Catalog catalog = CatalogLoader.loadDefault();

        assertThat(catalog.itemOf(Flow.MEDICAL_SETTLEMENT)).map(Item::number).contains(18);
        assertThat(catalog.itemOf(Flow.PENSION_TRANSFER)).map(Item::number).contains(20);
        assertThat(catalog.itemOf(Flow.EMERGENCY_REQUEST)).map(Item::number).contains(21);
        Indicator rate = catalog.indicator(18, "direct_settlement_rate").orElseThrow();
        assertThat(rate.aggregation()).isEqualTo(Aggregation.RATIO);
        assertThat(rate.measure()).contains(FlowMeasure.SETTLEMENT_DIRECT);
        assertThat(rate.target()).contains(new Target(Direction.AT_LEAST, 0.90, "1d"));
        Indicator dispatch = catalog.indicator(21, "dispatch_minutes").orElseThrow();
        assertThat(dispatch.headlineStatistic()).isEqualTo("p95");
        assertThat(dispatch.cadence()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void shouldReportAMissingItemByNumber() throws IOException {
        String withoutItem7 = shipped().replaceAll("(?s)  - number: 7\n.*?(?=  - number: 8\n)", "");

        assertThat(rejected(withoutItem7).problems())
                .containsExactly("items: missing item(s) [7]; the agreement has 22");
    }

    @Test
    void shouldReportADuplicateIndicatorCode() throws IOException {
        String duplicated = shipped().replace("code: produce_shipped", "code: regional_sales");

        assertThat(rejected(duplicated).problems()).containsExactly(
                "item 8 indicator 'regional_sales': duplicate code (indicator codes are unique across the catalog)");
    }

    @Test
    void shouldReportAnUnknownUnitAndAggregationNamingTheKnownOnes() throws IOException {
        String bad = shipped()
                .replace("{code: school_pairs, title: School pairs established, unit: count, aggregation: sum",
                        "{code: school_pairs, title: School pairs established, unit: dozens, aggregation: median");

        assertThat(rejected(bad).problems()).containsExactly(
                "item 14 indicator 'school_pairs'.unit: unknown 'dozens' (known: " + Unit.knownCodes() + ")",
                "item 14 indicator 'school_pairs'.aggregation: unknown 'median' (known: " + Aggregation.knownCodes() + ")");
    }

    @Test
    void shouldReportADuplicateCityAndAnUnknownTeam() throws IOException {
        String bad = shipped()
                .replace("{code: ulanqab, nameZh: 乌兰察布, nameEn: Ulanqab}", "{code: ordos, nameZh: 乌兰察布, nameEn: Ulanqab}")
                .replace("    team: tourism\n", "    team: marketing\n");

        assertThat(rejected(bad).problems()).containsExactly(
                "city 'ordos': duplicate code",
                "item 13.team: 'marketing' is not in teams");
    }

    @Test
    void shouldReportAMeasureThatDoesNotExistForTheFlowOrTheUnitItIsIn() throws IOException {
        String bad = shipped()
                .replace("measure: dispatch_minutes", "measure: arrival_minutes")
                .replace("{code: settlement_amount, title: Amount settled across cities, unit: CNY",
                        "{code: settlement_amount, title: Amount settled across cities, unit: count");

        assertThat(rejected(bad).problems()).containsExactly(
                "item 18 indicator 'settlement_amount'.unit: measure amount is in CNY, not count",
                "item 21 indicator 'dispatch_minutes'.measure: unknown 'arrival_minutes' for flow emergency.request "
                        + "(known: count, dispatch_minutes, fulfilled)");
    }

    @Test
    void shouldReportABadCadenceTargetAndQuantile() throws IOException {
        String bad = shipped()
                .replace("{code: credits_recognised, title: Credits recognised, unit: credits, aggregation: sum, cadence: P7D}",
                        "{code: credits_recognised, title: Credits recognised, unit: credits, aggregation: sum, cadence: weekly}")
                .replace("target: {direction: at_most, value: 30, window: 1d}", "target: {direction: below, value: 30, window: daily}")
                .replace("quantile: 0.95\n        measure: completion_days", "quantile: 95\n        measure: completion_days");

        assertThat(rejected(bad).problems()).containsExactly(
                "item 16 indicator 'credits_recognised'.cadence: 'weekly' is not an ISO-8601 duration such as PT1H or P7D",
                "item 20 indicator 'transfer_days'.quantile: aggregation quantiles needs a quantile between 0 and 1, got 95.0",
                "item 21 indicator 'dispatch_minutes'.target.direction: unknown 'below' (known: at_least, at_most)",
                "item 21 indicator 'dispatch_minutes'.target.window: 'daily' must name a window such as 1h or 1d");
    }

    @Test
    void shouldNameTheFieldOfAStructuralError() throws IOException {
        String bad = shipped().replace("  - number: 4\n", "  - number: four\n");

        assertThat(rejected(bad).problems()).hasSize(1).first().asString()
                .startsWith("items[3].number: ");
    }

    @Test
    void shouldRejectAPropertyTheCatalogDoesNotKnow() throws IOException {
        String bad = shipped().replace("    domain: energy\n", "    domain: energy\n    owner: someone\n");

        assertThat(rejected(bad).getMessage()).contains("owner").contains("items[10]");
    }

    @Test
    void shouldRejectAnEmptyFile() {
        assertThat(rejected("").problems()).containsExactly("is empty");
    }
}
