package org.hbew.indicators.processors.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.apache.kafka.common.errors.SerializationException;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EmergencyRequest;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.MedicalSettlement;
import org.junit.jupiter.api.Test;

/** The binary state formats read back exactly what was written, sketches included. */
class AggregateSerdesTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final OffsetDateTime T = OffsetDateTime.parse("2026-11-27T10:00:00+08:00");

    private static ItemCityWindow settlements() {
        ItemCityWindow window = new ItemCityWindow();
        for (int i = 0; i < 50; i++) {
            window.add(CATALOG.item(18).orElseThrow(), EventEnvelope.flow(UUID.randomUUID(), "ordos", 18,
                    T.plusMinutes(i), new MedicalSettlement("ordos", i % 2 == 0 ? "hohhot" : "baotou", 100 + i,
                            i % 5 != 0, T.minusMinutes(i), T.plusMinutes(i))));
        }
        return window;
    }

    private static void assertSameFigures(ItemCityWindow actual, ItemCityWindow expected) {
        assertThat(actual.events()).isEqualTo(expected.events());
        assertThat(actual.lastEventAt()).isEqualTo(expected.lastEventAt());
        assertThat(actual.indicators().keySet()).isEqualTo(expected.indicators().keySet());
        expected.indicators().forEach((code, acc) -> {
            var indicator = CATALOG.indicator(18, code).orElseThrow();
            assertThat(actual.indicators().get(code).statistics(indicator)).isEqualTo(acc.statistics(indicator));
        });
        assertThat(actual.flows().keySet()).isEqualTo(expected.flows().keySet());
        expected.flows().forEach((cell, counts) -> {
            assertThat(actual.flows().get(cell).events()).isEqualTo(counts.events());
            assertThat(actual.flows().get(cell).completed()).isEqualTo(counts.completed());
            assertThat(actual.flows().get(cell).amount()).isEqualTo(counts.amount());
        });
    }

    @Test
    void shouldRoundTripAnItemCityWindowWithItsSketches() {
        ItemCityWindow window = settlements();
        var serde = AggregateSerdes.itemCityWindow();

        ItemCityWindow back = serde.deserializer().deserialize("t", serde.serializer().serialize("t", window));

        assertSameFigures(back, window);
        assertThat(back.indicators().get("settlement_minutes").quantile(0.95))
                .isEqualTo(window.indicators().get("settlement_minutes").quantile(0.95));
    }

    @Test
    void shouldRoundTripContributionsAndRegionPartials() {
        ItemCityWindow figures = settlements();
        var contributions = AggregateSerdes.cityContribution();
        var partials = AggregateSerdes.regionPartials();
        CityContribution contribution = new CityContribution("ordos", "1h", 1000, 3_601_000, figures);

        CityContribution back = contributions.deserializer().deserialize("t",
                contributions.serializer().serialize("t", contribution));
        RegionPartials parts = new RegionPartials().with("ordos", figures).with("baotou", settlements());
        RegionPartials partsBack = partials.deserializer().deserialize("t", partials.serializer().serialize("t", parts));

        assertThat(back.city()).isEqualTo("ordos");
        assertThat(back.windowEnd()).isEqualTo(3_601_000);
        assertSameFigures(back.figures(), figures);
        assertThat(partsBack.byCity().keySet()).containsExactly("baotou", "ordos");
        assertSameFigures(partsBack.merged(), parts.merged());
    }

    @Test
    void shouldPassTombstonesThroughAndRejectAnUnknownFormat() {
        var serde = AggregateSerdes.itemCityWindow();

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
        assertThatThrownBy(() -> serde.deserializer().deserialize("t", new byte[] {9, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("format 9");
    }

    @Test
    void shouldMergeFiguresAsIfObservedTogether() {
        ItemCityWindow a = new ItemCityWindow();
        ItemCityWindow b = new ItemCityWindow();
        var item = CATALOG.item(21).orElseThrow();
        a.add(item, EventEnvelope.flow(UUID.randomUUID(), "ordos", 21, T, new EmergencyRequest("ordos", "baotou",
                EmergencyRequest.Category.ACCIDENT, EmergencyRequest.Resource.TEAM, T.minusHours(1), T.minusMinutes(40),
                null)));
        b.add(item, EventEnvelope.flow(UUID.randomUUID(), "baotou", 21, T.plusMinutes(5), new EmergencyRequest(
                "baotou", "ordos", EmergencyRequest.Category.PUBLIC_HEALTH, EmergencyRequest.Resource.SUPPLIES,
                T.minusHours(1), null, null)));

        ItemCityWindow both = new RegionPartials().with("ordos", a).with("baotou", b).merged();

        assertThat(both.events()).isEqualTo(2);
        assertThat(both.indicators().get("support_requests").count()).isEqualTo(2);
        assertThat(both.indicators().get("fulfilled_rate").sum()).isEqualTo(1.0);
        assertThat(both.indicators().get("dispatch_minutes").count()).isEqualTo(1);
        assertThat(both.flows()).containsOnlyKeys("ordos>baotou", "baotou>ordos");
        assertThat(a.events()).as("merging leaves the parts untouched").isEqualTo(1);
    }
}
