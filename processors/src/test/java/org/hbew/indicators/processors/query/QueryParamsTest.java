package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.http.ApiError;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.processors.topology.WindowSpec;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final TopologySettings SETTINGS = TopologySettings.defaults(4);
    private static final WindowSpec HOUR = SETTINGS.window("1h");

    @Test
    void shouldReadAnItemOfTheCatalog() {
        assertThat(QueryParams.item(CATALOG, "18").number()).isEqualTo(18);
    }

    @Test
    void shouldAnswer400NamingItemWhenItIsNotANumber() {
        assertThatThrownBy(() -> QueryParams.item(CATALOG, "abc"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_parameter");
                    assertThat(e.getMessage()).startsWith("item: ");
                });
    }

    @Test
    void shouldAnswer404ForAnItemTheAgreementDoesNotHave() {
        assertThatThrownBy(() -> QueryParams.item(CATALOG, "23"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("item 23");
                });
    }

    @Test
    void shouldAnswer400NamingCityForAnUnknownCity() {
        assertThat(QueryParams.city(CATALOG, "ordos").code()).isEqualTo("ordos");
        assertThatThrownBy(() -> QueryParams.city(CATALOG, "Ordos"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("city: ").contains("hohhot");
                });
    }

    @Test
    void shouldUseTheFallbackWindowWhenNoneIsGivenAndRejectUnknownOnes() {
        assertThat(QueryParams.window(SETTINGS, null, HOUR)).isEqualTo(HOUR);
        assertThat(QueryParams.window(SETTINGS, "1d", HOUR).name()).isEqualTo("1d");
        assertThatThrownBy(() -> QueryParams.window(SETTINGS, "15m", HOUR))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("window: ").contains("[1h, 1d]");
                });
    }

    @Test
    void shouldReadFlowsByCode() {
        assertThat(QueryParams.flow("pension.transfer")).contains(Flow.PENSION_TRANSFER);
        assertThat(QueryParams.flow(null)).isEmpty();
        assertThatThrownBy(() -> QueryParams.flow("pension"))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).startsWith("flow: "));
    }

    @Test
    void shouldReadInstantsInUtcOrWithAnOffsetEvenWhenThePlusArrivedAsASpace() {
        Instant expected = Instant.parse("2026-11-27T02:00:00Z");
        assertThat(QueryParams.instant("from", "2026-11-27T02:00:00Z")).contains(expected);
        assertThat(QueryParams.instant("from", "2026-11-27T10:00:00+08:00")).contains(expected);
        assertThat(QueryParams.instant("from", "2026-11-27T10:00:00 08:00")).contains(expected);
        assertThat(QueryParams.instant("from", null)).isEmpty();
    }

    @Test
    void shouldAnswer400NamingTheTimeParameterThatCannotBeRead() {
        assertThatThrownBy(() -> QueryParams.instant("to", "yesterday"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("to: ");
                });
    }

    @Test
    void shouldDefaultTheHistoryToTheLast24WindowsUpToNow() {
        Instant now = Instant.parse("2026-11-27T10:42:00Z");

        QueryParams.WindowRange range = QueryParams.history(HOUR, Optional.empty(), Optional.empty(), now);

        assertThat(Instant.ofEpochMilli(range.lastStart())).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(Instant.ofEpochMilli(range.firstStart())).isEqualTo(Instant.parse("2026-11-26T11:00:00Z"));
    }

    @Test
    void shouldCoverTheWindowsHoldingFromAndTo() {
        QueryParams.WindowRange range = QueryParams.history(HOUR, Optional.of(Instant.parse("2026-11-27T08:30:00Z")),
                Optional.of(Instant.parse("2026-11-27T09:10:00Z")), Instant.parse("2026-11-30T00:00:00Z"));

        assertThat(Instant.ofEpochMilli(range.firstStart())).isEqualTo(Instant.parse("2026-11-27T08:00:00Z"));
        assertThat(Instant.ofEpochMilli(range.lastStart())).isEqualTo(Instant.parse("2026-11-27T09:00:00Z"));
    }

    @Test
    void shouldRejectARangeBackwardsOrTooLong() {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        assertThatThrownBy(() -> QueryParams.history(HOUR, Optional.of(now), Optional.of(now.minusSeconds(7200)), now))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).startsWith("from: "));
        assertThatThrownBy(() -> QueryParams.history(HOUR, Optional.of(now.minusSeconds(3600L * 2000)),
                Optional.empty(), now))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).startsWith("from: ")
                        .contains("at most 1000"));
    }
}
