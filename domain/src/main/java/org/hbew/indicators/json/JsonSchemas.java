package org.hbew.indicators.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.List;

/**
 * The published JSON Schemas of docs/schemas (copied onto the classpath under {@code schemas/}).
 * Their ids live under {@value #ID_PREFIX}; references between them resolve on the classpath, never
 * over the network.
 */
public final class JsonSchemas {

    public static final String ID_PREFIX = "https://hbew.org/schemas/";

    public static final String EVENT_ENVELOPE = "event-envelope-v1.schema.json";
    public static final String INDICATORS_CITY = "indicators-city-v1.schema.json";
    public static final String INDICATORS_REGION = "indicators-region-v1.schema.json";
    public static final String INDICATORS_STATUS = "indicators-status-v1.schema.json";
    public static final String FLOWS = "flows-v1.schema.json";
    public static final String TARGETS = "targets-v1.schema.json";

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaIdResolvers(ids -> ids.mapPrefix(ID_PREFIX, "classpath:schemas/")));

    private JsonSchemas() {
    }

    /** A schema by its file name, e.g. {@link #INDICATORS_CITY}. */
    public static Schema load(String fileName) {
        return REGISTRY.getSchema(SchemaLocation.of(ID_PREFIX + fileName));
    }

    /** Every violation of {@code fileName}'s schema by {@code json}, as {@code <location>: <message>}; empty if valid. */
    public static List<String> violations(String fileName, JsonNode json) {
        return load(fileName).validate(json).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage())
                .toList();
    }
}
