package org.hbew.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.json.JsonSerde;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each flow's {@link PayloadForm}: there is one for every flow, it names the schema's fields and its records' times,
 * and it reads a payload to the same record whether from a JSON tree or from the gateway's compact bytes.
 */
class PayloadFormTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final EnvelopeShape SHAPE = new EnvelopeShape(CATALOG);
    private static final CompactEnvelope COMPACT = new CompactEnvelope(CATALOG);
    private static final EventParser PARSER = new EventParser(CATALOG, ValidationPolicy.withoutTimeBounds(),
            Clock.systemUTC());
    private static final JsonSerde<EventEnvelope> GATEWAY_SERDE = JsonSerde.of(EventEnvelope.class);

    /** Every shape of payload: with all its times and without the optional ones. */
    static List<ObjectNode> flowEvents() {
        return List.of(EnvelopeExamples.settlement(), EnvelopeExamples.requestedTransfer(),
                EnvelopeExamples.completedTransfer(), EnvelopeExamples.emergency(),
                EnvelopeExamples.emergencyNotDispatched());
    }

    @Test
    void shouldHaveAFormForEveryFlowWithTheFieldsOfItsSchemaDefinition() throws IOException {
        JsonNode schema = schemaDocument();
        for (Flow flow : Flow.values()) {
            PayloadForm<?> form = PayloadForm.of(flow);

            assertThat(form).as("form of %s", flow).isNotNull();
            assertThat(form.fields()).as("fields of %s", flow).isEqualTo(fieldNames(payloadDefinition(schema, flow)));
            assertThat(form.fields()).as("fields of %s", flow).containsAll(form.timeFields());
        }
        assertThat(flowEvents()).extracting(e -> e.get("indicator").textValue()).as("every flow has an example")
                .containsAll(Arrays.stream(Flow.values()).map(Flow::code).toList());
    }

    @ParameterizedTest
    @MethodSource("flowEvents")
    void shouldReadTheTreeAndTheCompactBytesToTheSameRecord(ObjectNode event) {
        // Given a valid flow event and the form of its flow
        Flow flow = Flow.fromCode(event.get("indicator").textValue()).orElseThrow();
        PayloadForm<?> form = PayloadForm.of(flow);
        JsonNode tree = event.get("payload");

        // When the form checks its shape and binds it from the tree
        boolean conforms = form.conforms(tree, SHAPE, new ReadTimes());
        FlowPayload bound = form.bind(tree, times(tree, form.timeFields()));

        // Then it conforms, and the record is of the flow, with the form's times, each the tree's
        assertThat(conforms).isTrue();
        assertThat(bound.flow()).isEqualTo(flow);
        assertThat(bound.timeFields()).isSameAs(form.timeFields());
        for (int i = 0; i < form.timeFields().size(); i++) {
            JsonNode time = tree.get(form.timeFields().get(i));
            assertThat(bound.time(i)).isEqualTo(time == null ? null : IsoDateTimes.parse(time.textValue()));
        }
        // And the gateway's compact bytes of that record read back to the same record, as the parser reads the tree
        EventEnvelope envelope = EventEnvelope.flow(UUID.fromString(event.get("eventId").textValue()),
                event.get("city").textValue(), event.get("item").intValue(),
                IsoDateTimes.parse(event.get("occurredAt").textValue()), bound);
        EventEnvelope compact = COMPACT.read(GATEWAY_SERDE.toBytes(envelope));
        assertThat(compact).isNotNull();
        assertThat(compact.payload()).isEqualTo(bound);
        assertThat(PARSER.parse(event)).isEqualTo(new ParseResult.Valid(envelope));
    }

    private static Map<String, OffsetDateTime> times(JsonNode payload, List<String> timeFields) {
        Map<String, OffsetDateTime> times = new HashMap<>();
        for (String field : timeFields) {
            if (payload.hasNonNull(field)) {
                times.put(field, IsoDateTimes.parse(payload.get(field).textValue()));
            }
        }
        return times;
    }

    /** The {@code $defs} entry the schema refers the flow's payload to, found by the flow's code. */
    private static JsonNode payloadDefinition(JsonNode schema, Flow flow) {
        for (JsonNode rule : schema.get("allOf")) {
            if (flow.code().equals(rule.at("/if/properties/indicator/const").textValue())) {
                String ref = rule.at("/then/properties/payload/$ref").textValue();
                return schema.at(ref.substring(1));
            }
        }
        throw new AssertionError("the schema has no payload definition for " + flow.code());
    }

    private static Set<String> fieldNames(JsonNode definition) {
        Set<String> names = new HashSet<>();
        definition.get("properties").fieldNames().forEachRemaining(names::add);
        assertThat(names).as("properties in the schema").isNotEmpty();
        return names;
    }

    private static JsonNode schemaDocument() throws IOException {
        try (InputStream in = EventParser.class.getClassLoader().getResourceAsStream(EventParser.SCHEMA_RESOURCE)) {
            return Json.mapper().readTree(in);
        }
    }
}
