package org.hbew.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.Test;

/** The published schema and the catalog describe the same cities, items and flows. */
class EnvelopeSchemaTest {

    private static JsonNode schema() throws IOException {
        try (InputStream in = EventParser.class.getClassLoader().getResourceAsStream(EventParser.SCHEMA_RESOURCE)) {
            return Json.mapper().readTree(in);
        }
    }

    @Test
    void shouldListExactlyTheCatalogsCities() throws IOException {
        Catalog catalog = CatalogLoader.loadDefault();
        List<String> cities = new ArrayList<>();
        schema().at("/$defs/city/enum").forEach(n -> cities.add(n.asText()));

        assertThat(cities).containsExactlyElementsOf(catalog.cityCodes());
    }

    @Test
    void shouldBoundItemsToTheAgreementsNumbers() throws IOException {
        JsonNode item = schema().at("/properties/item");

        assertThat(item.get("minimum").asInt()).isEqualTo(1);
        assertThat(item.get("maximum").asInt()).isEqualTo(CatalogLoader.ITEM_COUNT);
    }

    @Test
    void shouldKnowEveryFlowAsAPayloadCarryingIndicator() throws IOException {
        List<String> flows = new ArrayList<>();
        schema().at("/allOf/0/if/properties/indicator/enum").forEach(n -> flows.add(n.asText()));

        assertThat(flows).containsExactlyElementsOf(Arrays.stream(Flow.values()).map(Flow::code).toList());
    }
}
