package org.hbew.indicators.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hbew.indicators.catalog.Aggregation;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.Direction;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Item;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The published schemas of docs/schemas are static files that repeat what the catalog says: the cities, the
 * range of item numbers, the flows, the aggregations and the target directions. Each list in each schema that
 * names one code of such a vocabulary must name all of it and nothing else, in the catalog's order, and every
 * item number must be bounded by the catalog's first and last items, so that a city or an item added to the
 * catalog fails here until the schemas say so too.
 */
class SchemasFollowTheCatalogTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Map<String, List<String>> VOCABULARIES = Map.of(
            "cities", CATALOG.cityCodes(),
            "flows", codes(Flow.values(), Flow::code),
            "aggregations", codes(Aggregation.values(), Aggregation::code),
            "directions", codes(Direction.values(), Direction::code));
    private static final Pattern ITEM_RANGE_IN_WORDS = Pattern.compile("(\\d+) to (\\d+)");

    private static Map<String, JsonNode> schemas;

    @BeforeAll
    static void readEverySchema() throws IOException, URISyntaxException {
        URL dir = SchemasFollowTheCatalogTest.class.getClassLoader().getResource("schemas");
        assertThat(dir).as("docs/schemas on the classpath").isNotNull();
        schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".schema.json")).toList()) {
                schemas.put(file.getFileName().toString(), Json.mapper().readTree(file.toFile()));
            }
        }
        assertThat(schemas).containsKeys(JsonSchemas.EVENT_ENVELOPE, JsonSchemas.INDICATORS_CITY,
                JsonSchemas.INDICATORS_REGION, JsonSchemas.INDICATORS_STATUS, JsonSchemas.FLOWS, JsonSchemas.TARGETS);
    }

    @Test
    void shouldListEveryVocabularyOfTheCatalogWholeWhereverTheyListIt() {
        List<String> checked = new ArrayList<>();
        schemas.forEach((file, schema) -> enums(schema, "").forEach((pointer, values) ->
                VOCABULARIES.forEach((vocabulary, codes) -> {
                    if (values.stream().anyMatch(codes::contains)) {
                        assertThat(values).as("%s in %s#%s", vocabulary, file, pointer).containsExactlyElementsOf(codes);
                        checked.add(vocabulary + " in " + file);
                    }
                })));

        // The lists known today, so that the test cannot pass by finding none
        assertThat(checked).contains("cities in " + JsonSchemas.EVENT_ENVELOPE, "cities in " + JsonSchemas.FLOWS,
                "cities in " + JsonSchemas.INDICATORS_CITY, "cities in " + JsonSchemas.INDICATORS_REGION,
                "cities in " + JsonSchemas.INDICATORS_STATUS, "cities in " + JsonSchemas.TARGETS,
                "flows in " + JsonSchemas.EVENT_ENVELOPE, "flows in " + JsonSchemas.FLOWS,
                "aggregations in " + JsonSchemas.INDICATORS_CITY, "aggregations in " + JsonSchemas.INDICATORS_REGION,
                "directions in " + JsonSchemas.TARGETS);
    }

    @Test
    void shouldBoundEveryItemNumberByTheCatalogsItems() {
        int first = CATALOG.items().stream().mapToInt(Item::number).min().orElseThrow();
        int last = CATALOG.items().stream().mapToInt(Item::number).max().orElseThrow();
        List<String> checked = new ArrayList<>();
        schemas.forEach((file, schema) -> properties(schema, "item", "").forEach((pointer, item) -> {
            assertThat(item.path("minimum").asInt(Integer.MIN_VALUE)).as("minimum of %s#%s", file, pointer)
                    .isEqualTo(first);
            assertThat(item.path("maximum").asInt(Integer.MAX_VALUE)).as("maximum of %s#%s", file, pointer)
                    .isEqualTo(last);
            Matcher words = ITEM_RANGE_IN_WORDS.matcher(item.path("description").asText());
            if (words.find()) {
                assertThat(List.of(words.group(1), words.group(2))).as("description of %s#%s", file, pointer)
                        .containsExactly(String.valueOf(first), String.valueOf(last));
            }
            checked.add(file);
        }));

        assertThat(checked).contains(JsonSchemas.EVENT_ENVELOPE, JsonSchemas.INDICATORS_CITY,
                JsonSchemas.INDICATORS_REGION, JsonSchemas.INDICATORS_STATUS, JsonSchemas.TARGETS);
    }

    @Test
    void shouldNameOnlyFlowsTheCatalogKnowsWhereItPicksAnIndicator() {
        JsonNode envelope = schemas.get(JsonSchemas.EVENT_ENVELOPE);
        List<String> picked = new ArrayList<>();
        envelope.path("allOf").forEach(rule -> {
            JsonNode indicator = rule.at("/if/properties/indicator/const");
            if (!indicator.isMissingNode()) {
                picked.add(indicator.asText());
            }
        });

        assertThat(picked).containsExactlyInAnyOrderElementsOf(VOCABULARIES.get("flows"));
    }

    /** Every {@code enum} of strings under {@code node}, by JSON pointer. */
    private static Map<String, List<String>> enums(JsonNode node, String pointer) {
        Map<String, List<String>> found = new TreeMap<>();
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String at = pointer + "/" + field.getKey();
                if (field.getKey().equals("enum") && field.getValue().isArray()) {
                    List<String> values = new ArrayList<>();
                    field.getValue().forEach(v -> values.add(v.asText()));
                    found.put(at, values);
                } else {
                    found.putAll(enums(field.getValue(), at));
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.putAll(enums(node.get(i), pointer + "/" + i));
            }
        }
        return found;
    }

    /** Every definition of a property called {@code name} under {@code node}, by JSON pointer. */
    private static Map<String, JsonNode> properties(JsonNode node, String name, String pointer) {
        Map<String, JsonNode> found = new TreeMap<>();
        if (node.isObject()) {
            node.properties().forEach(field -> {
                String at = pointer + "/" + field.getKey();
                if (field.getKey().equals("properties") && field.getValue().has(name)) {
                    found.put(at + "/" + name, field.getValue().get(name));
                }
                found.putAll(properties(field.getValue(), name, at));
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                found.putAll(properties(node.get(i), name, pointer + "/" + i));
            }
        }
        return found;
    }

    private static <E> List<String> codes(E[] values, Function<E, String> code) {
        return Arrays.stream(values).map(code).toList();
    }
}
