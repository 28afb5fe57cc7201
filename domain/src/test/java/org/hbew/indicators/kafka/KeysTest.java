package org.hbew.indicators.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of key taken apart into the parts it was built from, and keys of the wrong shape refused. */
class KeysTest {

    private static final Instant START = Instant.parse("2026-11-27T00:00:00Z");
    /** A start that is not on a whole second: Instant writes its fraction, and its colons, into the key. */
    private static final Instant ODD_START = Instant.parse("2026-11-27T02:15:00.250Z");

    @Test
    void shouldTakeARawKeyApart() {
        String key = Keys.raw(18, "ordos");

        assertThat(key).isEqualTo("18:ordos");
        assertThat(Keys.parseRaw(key)).isEqualTo(new Keys.ItemCity(18, "ordos"));
    }

    @Test
    void shouldTakeAStatusKeyApart() {
        String key = Keys.status(6, "hohhot", "online_service_transactions");

        assertThat(key).isEqualTo("6:hohhot:online_service_transactions");
        assertThat(Keys.parseStatus(key)).isEqualTo(new Keys.StatusKey(6, "hohhot", "online_service_transactions"));
    }

    @Test
    void shouldTakeACityIndicatorKeyApart() {
        String key = Keys.cityIndicator(20, "baotou", "transfer_days", "1d", START);

        assertThat(key).isEqualTo("20:baotou:transfer_days:1d@2026-11-27T00:00:00Z");
        assertThat(Keys.parseCityIndicator(key))
                .isEqualTo(new Keys.CityIndicatorKey(20, "baotou", "transfer_days", "1d", START));
        assertThat(Keys.parseCityIndicator(Keys.cityIndicator(20, "baotou", "transfer_days", "15m", ODD_START)))
                .isEqualTo(new Keys.CityIndicatorKey(20, "baotou", "transfer_days", "15m", ODD_START));
    }

    @Test
    void shouldTakeARegionIndicatorKeyApart() {
        String key = Keys.regionIndicator(13, "joint_route_visitors", "1h", ODD_START);

        assertThat(key).isEqualTo("13:joint_route_visitors:1h@2026-11-27T02:15:00.250Z");
        assertThat(Keys.parseRegionIndicator(key))
                .isEqualTo(new Keys.RegionIndicatorKey(13, "joint_route_visitors", "1h", ODD_START));
    }

    @Test
    void shouldTakeAFlowKeyApartWithTheDotsOfTheFlowCode() {
        String key = Keys.flow("medical.settlement", "ordos", "hohhot", "1h", START);

        assertThat(key).isEqualTo("medical.settlement:ordos:hohhot:1h@2026-11-27T00:00:00Z");
        assertThat(Keys.parseFlow(key))
                .isEqualTo(new Keys.FlowKey("medical.settlement", "ordos", "hohhot", "1h", START));
    }

    @Test
    void shouldTakeATargetKeyApartForOneCityAndForAll() {
        String forAll = Keys.target(21, "dispatch_minutes", null);
        String forOne = Keys.target(21, "dispatch_minutes", "ulanqab");

        assertThat(forAll).isEqualTo("21:dispatch_minutes");
        assertThat(forOne).isEqualTo("21:dispatch_minutes:ulanqab");
        assertThat(Keys.parseTarget(forAll)).isEqualTo(new Keys.TargetKey(21, "dispatch_minutes", null));
        assertThat(Keys.parseTarget(forOne)).isEqualTo(new Keys.TargetKey(21, "dispatch_minutes", "ulanqab"));
    }

    @Test
    void shouldTakeARollupKeyApart() {
        String key = Keys.rollup(20, "1d");

        assertThat(key).isEqualTo("20:1d");
        assertThat(Keys.parseRollup(key)).isEqualTo(new Keys.ItemWindow(20, "1d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "18", "18:", ":ordos", "18:ordos:x", "x:ordos", "+18:ordos", "-1:ordos",
            "99999999999:ordos", "1 8:ordos"})
    void shouldRefuseARawKeyOfAnotherShape(String key) {
        assertRefused(Keys::parseRaw, key, "<item>:<city>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"6:hohhot", "6:hohhot:", "6::online_service_transactions",
            "6:hohhot:online_service_transactions:1d", "six:hohhot:online_service_transactions"})
    void shouldRefuseAStatusKeyOfAnotherShape(String key) {
        assertRefused(Keys::parseStatus, key, "<item>:<city>:<indicator>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20:baotou:transfer_days:1d", "20:baotou:transfer_days@2026-11-27T00:00:00Z",
            "20:baotou:transfer_days:1d@", "20:baotou:transfer_days:1d@yesterday",
            "20:baotou:transfer_days:1d@2026-11-27T00:00:00Z@2026-11-28T00:00:00Z",
            "20:baotou:x:transfer_days:1d@2026-11-27T00:00:00Z", "20:baotou:transfer_days:@2026-11-27T00:00:00Z"})
    void shouldRefuseACityIndicatorKeyOfAnotherShape(String key) {
        assertRefused(Keys::parseCityIndicator, key, "<item>:<city>:<indicator>:<window>@<start>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"13:joint_route_visitors:1h", "13:hohhot:joint_route_visitors:1h@2026-11-27T02:00:00Z",
            "13:joint_route_visitors:1h@2026-11-27"})
    void shouldRefuseARegionIndicatorKeyOfAnotherShape(String key) {
        assertRefused(Keys::parseRegionIndicator, key, "<item>:<indicator>:<window>@<start>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"medical.settlement:ordos:1h@2026-11-27T00:00:00Z",
            "medical.settlement:ordos:hohhot:baotou:1h@2026-11-27T00:00:00Z",
            ":ordos:hohhot:1h@2026-11-27T00:00:00Z"})
    void shouldRefuseAFlowKeyOfAnotherShape(String key) {
        assertRefused(Keys::parseFlow, key, "<flow>:<from>:<to>:<window>@<start>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"21", "21:", "21:dispatch_minutes:", "21:dispatch_minutes:ulanqab:more",
            "x:dispatch_minutes"})
    void shouldRefuseATargetKeyOfAnotherShape(String key) {
        assertRefused(Keys::parseTarget, key, "<item>:<indicator>[:<city>]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"20", "20:", ":1d", "20:1d:x", "x:1d"})
    void shouldRefuseARollupKeyOfAnotherShape(String key) {
        assertRefused(Keys::parseRollup, key, "<item>:<window>");
    }

    @Test
    void shouldRefuseNoKeyAtAll() {
        assertThatThrownBy(() -> Keys.parseStatus(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a key of the form <item>:<city>:<indicator>: null");
        assertThatThrownBy(() -> Keys.parseFlow(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.parseTarget(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keys.parseRollup(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldQuoteOnlyTheBeginningOfALongMalformedKey() {
        String key = "6:" + "x".repeat(10_000);

        assertThatThrownBy(() -> Keys.parseStatus(key)).isInstanceOf(IllegalArgumentException.class)
                .message().startsWith("not a key of the form <item>:<city>:<indicator>: '6:xxx")
                .endsWith("(10002 characters)'").hasSizeLessThan(200);
    }

    private static void assertRefused(Function<String, ?> parse, String key, String shape) {
        assertThatThrownBy(() -> parse.apply(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a key of the form " + shape + ": '" + key + "'");
    }
}
