package org.hbew.indicators.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Optional;
import java.util.Set;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Item;

/**
 * A quick test that an envelope has the shape of docs/schemas/event-envelope-v1.schema.json, written out in
 * Java so that the common case, a well-formed event, does not pay for the general JSON Schema validator (a
 * third of the gateway's CPU and a sixth of the processors', see docs/benchmarks.md).
 *
 * <p>The cities and the range of item numbers are the catalog's, read once when the shape is made, so that
 * each event costs a set lookup and two comparisons as before. The schema lists them again, being a published
 * file; {@code SchemasFollowTheCatalogTest} fails when the two disagree, since a city the catalog knows and the
 * schema does not would be let through here without the schema's say.
 *
 * <p>It answers {@code true} only for envelopes the schema accepts; where the schema's rules are subtle (numbers
 * written as {@code 1.0}, a line break after a pattern's match, timestamps without seconds) it is stricter and
 * answers {@code false}. {@code false} therefore means "ask the schema", which also words the problems; it never
 * decides on its own that an event is bad. {@code EnvelopeShapeTest} holds the two to that on random and
 * mutated envelopes.
 *
 * <p>A flow's payload is checked by its flow's {@link PayloadForm}, with the checks this shape lends it.
 */
final class EnvelopeShape implements PayloadForm.ShapeChecks {

    private static final Set<String> ENVELOPE_FIELDS = Set.of("schemaVersion", "eventId", "city", "item",
            "indicator", "occurredAt", "value", "unit", "payload");
    private static final int UUID_LENGTH = 36;

    private final Set<String> cities;
    private final int minItem;
    private final int maxItem;

    EnvelopeShape(Catalog catalog) {
        this.cities = Set.copyOf(catalog.cityCodes());
        this.minItem = catalog.items().stream().mapToInt(Item::number).min().orElse(1);
        this.maxItem = catalog.items().stream().mapToInt(Item::number).max().orElse(0);
    }

    /** The catalog's city codes, as this shape accepts them. */
    Set<String> cities() {
        return cities;
    }

    boolean conforms(JsonNode event) {
        return conforms(event, new ReadTimes());
    }

    /** As {@link #conforms(JsonNode)}, keeping the date-times it reads in {@code times}. */
    boolean conforms(JsonNode event, ReadTimes times) {
        if (!event.isObject() || !onlyFields(event, ENVELOPE_FIELDS)) {
            return false;
        }
        JsonNode indicator = event.get("indicator");
        boolean common = isOne(event.get("schemaVersion"))
                && isUuid(event.get("eventId"))
                && isCity(event.get("city"))
                && isItemNumber(event.get("item"))
                && isIndicatorCode(indicator)
                && isTimestamp(event.get("occurredAt"), times);
        if (!common) {
            return false;
        }
        JsonNode payload = event.get("payload");
        Optional<Flow> flow = Flow.fromCode(indicator.textValue());
        if (flow.isEmpty()) {
            return payload == null && isFiniteNumber(event.get("value")) && isText(event.get("unit"));
        }
        PayloadForm<?> form = PayloadForm.of(flow.get());
        return noValueOrUnit(event) && payload != null && payload.isObject() && onlyFields(payload, form.fields())
                && form.conforms(payload, this, times);
    }

    private static boolean onlyFields(JsonNode object, Set<String> allowed) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            if (!allowed.contains(names.next())) {
                return false;
            }
        }
        return true;
    }

    private static boolean noValueOrUnit(JsonNode event) {
        return event.get("value") == null && event.get("unit") == null;
    }

    private static boolean isText(JsonNode node) {
        return node != null && node.isTextual();
    }

    @Override
    public boolean isCity(JsonNode node) {
        return isOneOf(node, cities);
    }

    @Override
    public boolean isOneOf(JsonNode node, Set<String> codes) {
        return isText(node) && codes.contains(node.textValue());
    }

    private static boolean isOne(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt() && node.intValue() == 1;
    }

    private boolean isItemNumber(JsonNode node) {
        return node != null && node.isIntegralNumber() && node.canConvertToInt()
                && node.intValue() >= minItem && node.intValue() <= maxItem;
    }

    @Override
    public boolean isFiniteNumber(JsonNode node) {
        return node != null && node.isNumber() && Double.isFinite(node.doubleValue());
    }

    /** The schema's {@code ^[a-z][a-z0-9_.]*$}, without the line break a Java {@code $} lets through. */
    private static boolean isIndicatorCode(JsonNode node) {
        if (!isText(node) || node.textValue().isEmpty()) {
            return false;
        }
        String code = node.textValue();
        if (code.charAt(0) < 'a' || code.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < code.length(); i++) {
            char c = code.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    /** Canonical {@code 8-4-4-4-12} hexadecimal, nothing before or after. */
    private static boolean isUuid(JsonNode node) {
        if (!isText(node) || node.textValue().length() != UUID_LENGTH) {
            return false;
        }
        String id = node.textValue();
        for (int i = 0; i < UUID_LENGTH; i++) {
            char c = id.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !isHexDigit(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isHexDigit(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    /** A valid date-time in the shape senders use, {@code uuuu-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)}. */
    @Override
    public boolean isTimestamp(JsonNode node, ReadTimes times) {
        if (!isText(node)) {
            return false;
        }
        OffsetDateTime time = IsoDateTimes.parseCanonical(node.textValue());
        if (time == null) {
            return false;
        }
        times.put(node, time);
        return true;
    }
}
