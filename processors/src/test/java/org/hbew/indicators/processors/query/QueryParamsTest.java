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
    void shouldAnswer400NamingItemForAnItemTheAgreementDoesNotHave() {
        assertThatThrownBy(() -> QueryParams.item(CATALOG, "23"))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("item: '23' ").contains("1 to 22");
                });
    }

    @Test
    void shouldAnswer400NamingItemForNumbersBeyondIntAndDigitsOnlyJavaWouldRead() {
        for (String raw : new String[] {"0", "-1", "99999999999", "9".repeat(40), "+2", "\u0662", "2 ", ""}) {
            assertThatThrownBy(() -> QueryParams.item(CATALOG, raw)).as(raw)
                    .isInstanceOfSatisfying(ApiError.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).startsWith("item: ");
                    });
        }
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
        assertThat(QueryParams.window(SETTINGS, Optional.empty(), HOUR)).isEqualTo(HOUR);
        assertThat(QueryParams.window(SETTINGS, Optional.of("1d"), HOUR).name()).isEqualTo("1d");
        assertThatThrownBy(() -> QueryParams.window(SETTINGS, Optional.of("15m"), HOUR))
                .isInstanceOfSatisfying(ApiError.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("window: ").contains("[1h, 1d]");
                });
    }

    @Test
    void shouldReadFlowsByCode() {
        assertThat(QueryParams.flow(Optional.of("pension.transfer"))).contains(Flow.PENSION_TRANSFER);
        assertThat(QueryParams.flow(Optional.empty())).isEmpty();
        assertThatThrownBy(() -> QueryParams.flow(Optional.of("pension")))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).startsWith("flow: "));
    }

    @Test
    void shouldReadInstantsInUtcOrWithAnOffsetEvenWhenThePlusArrivedAsASpace() {
        Instant expected = Instant.parse("2026-11-27T02:00:00Z");
        assertThat(QueryParams.instant("from", Optional.of("2026-11-27T02:00:00Z"))).contains(expected);
        assertThat(QueryParams.instant("from", Optional.of("2026-11-27T10:00:00+08:00"))).contains(expected);
        assertThat(QueryParams.instant("from", Optional.of("2026-11-27T10:00:00 08:00"))).contains(expected);
        assertThat(QueryParams.instant("from", Optional.of("2026-11-27T10:00:00+08:00 "))).contains(expected);
        assertThat(QueryParams.instant("from", Optional.empty())).isEmpty();
    }

    @Test
    void shouldAnswer400NamingTheTimeParameterThatCannotBeRead() {
        assertThatThrownBy(() -> QueryParams.instant("to", Optional.of("yesterday")))
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
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).startsWith("from: ")
                        .contains("after to"));
        assertThatThrownBy(() -> QueryParams.history(HOUR, Optional.of(now.minusSeconds(3600L * 2000)),
                Optional.empty(), now))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).startsWith("from: ")
                        .contains("at most 1000"));
    }

    @Test
    void shouldRefuseInstantsOutsideFourDigitYearsWhoseMillisOrWindowsWouldOverflow() {
        for (String raw : new String[] {"-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
                "+999999999-12-31T23:59:59.999999999-18:00", "-290000000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "-0001-12-31T23:59:59Z"}) {
            assertThatThrownBy(() -> QueryParams.instant("at", Optional.of(raw))).as(raw)
                    .isInstanceOfSatisfying(ApiError.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).startsWith("at: ").contains("outside");
                    });
        }
        assertThatThrownBy(() -> QueryParams.instant("at", Optional.of(" 999999999-12-31T23:59:59Z")))
                .as("the year's '+' arriving as a space")
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).contains("outside"));
        assertThat(QueryParams.instant("at", Optional.of("0000-01-01T00:00:00Z"))).contains(QueryParams.EARLIEST);
        assertThat(QueryParams.instant("at", Optional.of("9999-12-31T23:59:59.999Z"))).contains(QueryParams.LATEST);
    }

    @Test
    void shouldReadWindowStartsOnlyForWindowsHoldingTheSupportedYears() {
        long earliestDay = QueryParams.EARLIEST.toEpochMilli() - SETTINGS.largestWindow().sizeMs();
        assertThat(QueryParams.windowStart("first", "0", SETTINGS)).isZero();
        assertThat(QueryParams.windowStart("first", "-3600000", SETTINGS)).isEqualTo(-3_600_000L);
        assertThat(QueryParams.windowStart("first", Long.toString(earliestDay), SETTINGS)).isEqualTo(earliestDay);
        assertThat(QueryParams.windowStart("last", Long.toString(QueryParams.LATEST.toEpochMilli()), SETTINGS))
                .isEqualTo(QueryParams.LATEST.toEpochMilli());
        for (String raw : new String[] {"-9223372036854775808", "9223372036854775807", "99999999999999999999",
                Long.toString(earliestDay - 1), Long.toString(QueryParams.LATEST.toEpochMilli() + 1), "1e3", "+5",
                "", "0x10", "\u0660"}) {
            assertThatThrownBy(() -> QueryParams.windowStart("first", raw, SETTINGS)).as(raw)
                    .isInstanceOfSatisfying(ApiError.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).startsWith("first: ");
                    });
        }
    }

    @Test
    void shouldStartTheDefaultHistoryNoEarlierThanTheWindowHoldingTheEarliestTime() {
        Instant to = QueryParams.EARLIEST.plusSeconds(5 * 3600);

        QueryParams.WindowRange range = QueryParams.history(HOUR, Optional.empty(), Optional.of(to), to);

        assertThat(range.firstStart()).isEqualTo(QueryParams.EARLIEST.toEpochMilli());
        assertThat(QueryParams.windowCount(HOUR, range.firstStart(), range.lastStart())).isEqualTo(6);
    }

    @Test
    void shouldCountTheWindowsOfTheWidestRangeWithoutOverflow() {
        long first = QueryParams.EARLIEST.toEpochMilli();
        long last = QueryParams.LATEST.toEpochMilli();

        assertThat(QueryParams.windowCount(HOUR, first, last)).isEqualTo((last - first) / HOUR.sizeMs() + 1);
        assertThat(QueryParams.windowCount(HOUR, Long.MIN_VALUE, Long.MAX_VALUE)).isPositive()
                .isEqualTo(Math.floorDiv(Long.MAX_VALUE, HOUR.sizeMs())
                        - Math.floorDiv(Long.MIN_VALUE, HOUR.sizeMs()) + 1);
        assertThat(QueryParams.windowCount(HOUR, 0, 0)).isEqualTo(1);
        assertThat(QueryParams.windowCount(HOUR, 0, HOUR.sizeMs() - 1)).isEqualTo(1);
        assertThat(QueryParams.windowCount(HOUR, -1, 0)).isEqualTo(2);
    }

    @Test
    void shouldHoldTheThousandWindowLimitOverTheWidestRange() {
        Optional<Instant> from = QueryParams.instant("from", Optional.of("0000-01-01T00:00:00Z"));
        Optional<Instant> to = QueryParams.instant("to", Optional.of("9999-12-31T23:59:59.999Z"));

        assertThatThrownBy(() -> QueryParams.history(HOUR, from, to, Instant.parse("2026-11-27T10:00:00Z")))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).startsWith("from: ")
                        .contains("at most 1000"));
        assertThatThrownBy(() -> QueryParams.range("first", "last", HOUR, 0, 1000 * HOUR.sizeMs()))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).startsWith("first: ")
                        .contains("1001 windows"));
        assertThat(QueryParams.range("first", "last", HOUR, 0, 999 * HOUR.sizeMs()))
                .isEqualTo(new QueryParams.WindowRange(0, 999 * HOUR.sizeMs()));
    }

    @Test
    void shouldShowAtMostTheStartOfALongValue() {
        String huge = "x".repeat(900_000);

        assertThatThrownBy(() -> QueryParams.window(SETTINGS, huge))
                .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.getMessage()).hasSizeLessThan(200)
                        .contains("(900000 characters)"));
        assertThat(QueryErrors.shown("\uD83D\uDE00".repeat(50)))
                .isEqualTo("'" + "\uD83D\uDE00".repeat(QueryErrors.SHOWN_CODE_POINTS) + "...' (50 characters)");
    }
}
