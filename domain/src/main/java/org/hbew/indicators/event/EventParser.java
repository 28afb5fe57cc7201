package org.hbew.indicators.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.json.JsonSchemas;

/**
 * Turns JSON into a checked {@link EventEnvelope}, or into every problem it has. The shape is that of the
 * published JSON Schema (docs/schemas/event-envelope-v1.schema.json): a quick check in Java
 * ({@link EnvelopeShape}) passes the common, well-formed event, and the schema validator runs only for the rest,
 * to find and word their problems. Then come the catalog (the indicator belongs to the item, unit and range),
 * the time bounds of the policy, and the consistency of flow payloads. Ingest and the processors use the same
 * parser, so an event that bypassed ingest meets exactly the rules a posted one does.
 */
public final class EventParser {

    public static final String SCHEMA_RESOURCE = "schemas/" + JsonSchemas.EVENT_ENVELOPE;
    private static final Schema SCHEMA = JsonSchemas.load(JsonSchemas.EVENT_ENVELOPE);
    /**
     * The nil and max UUIDs (RFC 9562): placeholders, not identifiers. Two senders writing them would have their
     * events taken for duplicates of each other.
     */
    private static final Set<String> SENTINEL_UUIDS = Set.of("00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff");
    private static final List<String> FLOW_CODES = Arrays.stream(Flow.values()).map(Flow::code).toList();

    private final Catalog catalog;
    private final EnvelopeShape shape;
    private final ValidationPolicy policy;
    private final Clock clock;
    private final CompactEnvelope compact;

    public EventParser(Catalog catalog, ValidationPolicy policy, Clock clock) {
        this.catalog = catalog;
        this.shape = new EnvelopeShape(catalog);
        this.policy = policy;
        this.clock = clock;
        this.compact = new CompactEnvelope(catalog);
    }

    /**
     * Reads the bytes as {@link StrictJson} does (UTF-8 only, no duplicate keys, nothing after the value), then
     * checks the event as {@link #parse(JsonNode)} does. A valid event in the form the gateway writes is bound
     * straight from the bytes ({@link CompactEnvelope}), to the same event.
     */
    public ParseResult parse(byte[] json) {
        if (json == null) {
            return invalid(Problem.Kind.MALFORMED_JSON, "", "no content");
        }
        EventEnvelope bound = compact.read(json);
        if (bound != null && withinTimeBounds(bound.occurredAt())) {
            return new ParseResult.Valid(bound);
        }
        return parseGenerally(json);
    }

    /** {@link #parse(byte[])} without the route for the gateway's form, for tests that compare the two. */
    ParseResult parseGenerally(byte[] json) {
        JsonNode node;
        try {
            node = StrictJson.read(json);
        } catch (StrictJson.MalformedException e) {
            boolean encoding = e.fault() == StrictJson.MalformedException.Fault.ENCODING;
            return invalid(Problem.Kind.MALFORMED_JSON, "", (encoding ? "the record " : "not valid JSON: ")
                    + e.reason());
        }
        return parse(node);
    }

    /**
     * Checks a JSON tree. The tree must come from {@link StrictJson} (as ingest's does): a tree says nothing of
     * the duplicate keys or the encoding of the text it was read from.
     */
    public ParseResult parse(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return invalid(Problem.Kind.MALFORMED_JSON, "", "no content");
        }
        ReadTimes times = new ReadTimes();
        if (shape.conforms(node, times)) {
            return new Checks(node, List.of(), times).run();
        }
        if (!node.isObject()) {
            return invalid(Problem.Kind.SCHEMA, "", "an event must be a JSON object, not " + node.getNodeType().name().toLowerCase());
        }
        JsonNode version = node.get("schemaVersion");
        if (version != null && version.isIntegralNumber() && version.asInt() != EventEnvelope.CURRENT_SCHEMA_VERSION) {
            return invalid(Problem.Kind.UNSUPPORTED_VERSION, "schemaVersion", "version " + version.asText()
                    + " is not supported; supported versions: [" + EventEnvelope.CURRENT_SCHEMA_VERSION + "]");
        }
        List<Problem> outOfRange = new ArrayList<>();
        collectNonFiniteNumbers(node, "", outOfRange);
        if (!outOfRange.isEmpty()) {
            return new ParseResult.Invalid(outOfRange);
        }
        return new Checks(node, schemaProblems(node), new ReadTimes()).run();
    }

    /**
     * Numbers beyond the range of a double (1e999) are read as infinities, which the schema validator cannot
     * compare (it fails with an exception instead of a problem); so they are reported before it runs.
     */
    private static void collectNonFiniteNumbers(JsonNode node, String path, List<Problem> problems) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
            problems.add(new Problem(Problem.Kind.VALUE, path, "is beyond the range of a number (about ±1.8e308)"));
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                collectNonFiniteNumbers(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                        problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNonFiniteNumbers(node.get(i), path.isEmpty() ? Integer.toString(i) : path + "." + i, problems);
            }
        }
    }

    private List<Problem> schemaProblems(JsonNode node) {
        List<Error> errors = SCHEMA.validate(node);
        List<Problem> problems = new ArrayList<>(errors.size());
        for (Error error : errors) {
            String field = fieldOf(error);
            if ("enum".equals(error.getKeyword()) && isCityField(field)) {
                problems.add(unknownCity(field, node.at("/" + field.replace('.', '/')).asText()));
            } else {
                problems.add(new Problem(Problem.Kind.SCHEMA, field, messageOf(error, field)));
            }
        }
        return problems;
    }

    /** {@code city} and the payloads' cities ({@code payload.insuredCity}, ...): all are city codes. */
    private static boolean isCityField(String field) {
        return field.equals("city") || field.startsWith("payload.") && field.endsWith("City");
    }

    /** Whatever its case or spelling, a city the catalog does not know is answered in the same words. */
    private Problem unknownCity(String field, String city) {
        return new Problem(Problem.Kind.CATALOG, field, "unknown city '" + Excerpt.of(city) + "'; known: "
                + catalog.cityCodes() + ", in lower case");
    }

    /** A dotted field path: the JSON pointer {@code /payload/amount} becomes {@code payload.amount}; a missing property is named. */
    private static String fieldOf(Error error) {
        String location = error.getInstanceLocation().toString();
        String field = (location.startsWith("/") ? location.substring(1) : location).replace('/', '.');
        String keyword = error.getKeyword();
        if (error.getProperty() != null && ("required".equals(keyword) || "additionalProperties".equals(keyword)
                || "dependentRequired".equals(keyword))) {
            field = field.isEmpty() ? error.getProperty() : field + "." + error.getProperty();
        }
        return field;
    }

    /** The validator's message, reworded where a city's data office would not know what it means. */
    private static String messageOf(Error error, String field) {
        String keyword = String.valueOf(error.getKeyword());
        if ("additionalProperties".equals(keyword)) {
            return "is not a property of envelope v1";
        }
        if ("false".equals(String.valueOf(error.getSchemaNode()))) {
            if (field.equals("value") || field.equals("unit")) {
                return "only plain indicators carry value and unit; a flow event carries a payload";
            }
            if (field.equals("payload")) {
                return "only flow events (" + FLOW_CODES + ") carry a payload";
            }
            return "is not allowed here";
        }
        switch (keyword) {
            case "required", "dependentRequired":
                return "is required";
            case "pattern":
                if (field.endsWith("eventId")) {
                    return "must be a UUID, e.g. 3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b";
                }
                if (field.endsWith("At")) {
                    return "must be an ISO-8601 date-time with offset, e.g. 2026-11-27T10:15:00+08:00";
                }
                break;
            default:
                break;
        }
        String message = error.getMessage();
        String prefix = error.getInstanceLocation() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** Whether the policy's time bounds, if it has any, admit an event of this time. */
    private boolean withinTimeBounds(OffsetDateTime occurredAt) {
        if (!policy.checkTime()) {
            return true;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        return !occurredAt.isAfter(now.plus(policy.maxClockSkew())) && !occurredAt.isBefore(now.minus(policy.maxAge()));
    }

    private static boolean isSentinel(String eventId) {
        for (String sentinel : SENTINEL_UUIDS) {
            if (sentinel.equalsIgnoreCase(eventId)) {
                return true;
            }
        }
        return false;
    }

    private static ParseResult invalid(Problem.Kind kind, String field, String message) {
        return new ParseResult.Invalid(List.of(new Problem(kind, field, message)));
    }

    /**
     * The catalog, time and flow checks, after the schema's. They read only the top-level fields the schema found
     * no fault with, so that one answer lists every problem: a malformed eventId does not hide a value out of
     * range. An event is valid only when neither found anything.
     */
    private final class Checks {
        private final JsonNode node;
        private final List<Problem> problems = new ArrayList<>();
        /** Top-level fields with a schema problem ({@code payload} for any of {@code payload.*}). */
        private final Set<String> faulty = new HashSet<>();
        /** Date-times the quick shape check has read already. */
        private final ReadTimes times;

        Checks(JsonNode node, List<Problem> schemaProblems, ReadTimes times) {
            this.node = node;
            this.times = times;
            problems.addAll(schemaProblems);
            for (Problem problem : schemaProblems) {
                int dot = problem.field().indexOf('.');
                faulty.add(dot < 0 ? problem.field() : problem.field().substring(0, dot));
            }
        }

        ParseResult run() {
            if (faulty.contains("")) {
                return new ParseResult.Invalid(problems);
            }
            String city = text("city");
            JsonNode itemNode = usable("item");
            Integer itemNumber = itemNode != null ? itemNode.asInt() : null;
            String indicator = text("indicator");
            JsonNode occurredAtNode = usable("occurredAt");
            OffsetDateTime occurredAt = occurredAtNode != null ? time("occurredAt", occurredAtNode) : null;
            JsonNode eventIdNode = usable("eventId");

            if (eventIdNode != null && isSentinel(eventIdNode.asText())) {
                add(Problem.Kind.VALUE, "eventId", "must not be the nil or max UUID, which every sender could "
                        + "write; generate a random UUID per event");
            }
            if (city != null && catalog.city(city).isEmpty()) {
                problems.add(unknownCity("city", city));
            }
            Optional<Item> item = itemNumber == null ? Optional.empty() : catalog.item(itemNumber);
            if (itemNumber != null && item.isEmpty()) {
                add(Problem.Kind.CATALOG, "item", "unknown item " + itemNumber);
            }
            FlowPayload payload = null;
            Double value = null;
            String unit = null;
            Optional<Flow> flow = indicator == null ? Optional.empty() : Flow.fromCode(indicator);
            if (item.isPresent() && flow.isPresent()) {
                payload = checkFlow(item.get(), flow.get(), city, occurredAt);
            } else if (item.isPresent() && indicator != null) {
                JsonNode valueNode = usable("value");
                value = valueNode != null ? valueNode.asDouble() : null;
                unit = text("unit");
                checkPlain(item.get(), indicator, value, unit);
            }
            if (occurredAt != null) {
                checkTimeBounds(occurredAt);
            }
            if (!problems.isEmpty()) {
                return new ParseResult.Invalid(problems);
            }
            UUID eventId = UUID.fromString(eventIdNode.asText());
            return new ParseResult.Valid(new EventEnvelope(EventEnvelope.CURRENT_SCHEMA_VERSION, eventId, city,
                    itemNumber, indicator, occurredAt, value, unit, payload));
        }

        /** The field if it is present, not null, and the schema found no fault with it; else null. */
        private JsonNode usable(String field) {
            JsonNode value = node.get(field);
            return value == null || value.isNull() || faulty.contains(field) ? null : value;
        }

        private String text(String field) {
            JsonNode value = usable(field);
            return value != null && value.isTextual() ? value.textValue() : null;
        }

        /** {@code value} and {@code unit} are null where the schema found fault with them. */
        private void checkPlain(Item item, String code, Double value, String unit) {
            Optional<Indicator> found = item.indicator(code);
            if (found.isEmpty()) {
                add(Problem.Kind.CATALOG, "indicator", "'" + Excerpt.of(code) + "' is not an indicator of item "
                        + item.number() + "; its indicators: " + reportable(item));
                return;
            }
            Indicator indicator = found.get();
            if (indicator.derivedFromFlow()) {
                add(Problem.Kind.CATALOG, "indicator", "'" + code + "' is derived from "
                        + item.flow().orElseThrow().code() + " events; post those instead");
                return;
            }
            if (unit != null && !indicator.unit().code().equals(unit)) {
                add(Problem.Kind.VALUE, "unit", "must be '" + indicator.unit().code() + "' for " + code + ", not '"
                        + Excerpt.of(unit) + "'");
            }
            if (value == null) {
                return;
            }
            if (!Double.isFinite(value) || !indicator.range().contains(value)) {
                add(Problem.Kind.VALUE, "value", value + " is outside the range of " + code + " ["
                        + indicator.range().min() + ", " + indicator.range().max() + "]");
            } else if (indicator.unit().wholeNumbers() && value != Math.rint(value)) {
                add(Problem.Kind.VALUE, "value", value + " must be a whole number of " + indicator.unit().code());
            }
        }

        private List<String> reportable(Item item) {
            List<String> codes = new ArrayList<>(item.plainIndicators().stream().map(Indicator::code).toList());
            item.flow().ifPresent(f -> codes.add(f.code()));
            return codes;
        }

        private FlowPayload checkFlow(Item item, Flow flow, String city, OffsetDateTime occurredAt) {
            if (item.flow().filter(flow::equals).isEmpty()) {
                add(Problem.Kind.CATALOG, "indicator", "item " + item.number() + " has no " + flow.code()
                        + " events; its indicators: " + reportable(item));
                return null;
            }
            JsonNode raw = usable("payload");
            if (raw == null) {
                return null;
            }
            PayloadForm<?> form = PayloadForm.of(flow);
            Map<String, OffsetDateTime> parsed = new HashMap<>();
            for (String t : form.timeFields()) {
                if (raw.hasNonNull(t)) {
                    OffsetDateTime when = time("payload." + t, raw.get(t));
                    parsed.put(t, when);
                    if (when != null && occurredAt != null && when.isAfter(occurredAt)) {
                        add(Problem.Kind.FLOW, "payload." + t, "is after occurredAt; an event is reported once "
                                + "what it describes has happened");
                    }
                }
            }
            for (Problem problem : problems) {
                if (problem.field().startsWith("payload.")) {
                    return null;
                }
            }
            FlowPayload payload = form.bind(raw, parsed);
            if (payload.origin().equals(payload.destination())) {
                add(Problem.Kind.FLOW, "payload", "a cross-city flow needs two different cities, got "
                        + payload.origin() + " twice");
            } else if (city != null && !city.equals(payload.origin()) && !city.equals(payload.destination())) {
                add(Problem.Kind.FLOW, "city", "must be one of the flow's cities (" + payload.origin() + ", "
                        + payload.destination() + "), not " + city);
            }
            if (!Double.isFinite(payload.amount())) {
                // A whole number too large for a double: JSON allows it, a sum of amounts would become infinite.
                add(Problem.Kind.VALUE, "payload.amount", "is beyond the range of a number (about ±1.8e308)");
            }
            List<String> fields = payload.timeFields();
            for (TimeOrder order : payload.timeOrders()) {
                if (order.brokenBy(payload)) {
                    add(Problem.Kind.FLOW, "payload." + fields.get(order.later()),
                            "is before " + fields.get(order.earlier()));
                }
            }
            return payload;
        }

        private void checkTimeBounds(OffsetDateTime occurredAt) {
            if (withinTimeBounds(occurredAt)) {
                return;
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (occurredAt.isAfter(now.plus(policy.maxClockSkew()))) {
                add(Problem.Kind.TIME, "occurredAt", "is " + human(Duration.between(now, occurredAt))
                        + " in the future; at most " + human(policy.maxClockSkew()) + " of clock skew is accepted");
            } else if (occurredAt.isBefore(now.minus(policy.maxAge()))) {
                add(Problem.Kind.TIME, "occurredAt", "is " + human(Duration.between(occurredAt, now))
                        + " old; events older than " + human(policy.maxAge()) + " are not accepted");
            }
        }

        private OffsetDateTime time(String field, JsonNode value) {
            OffsetDateTime known = times.get(value);
            if (known != null) {
                return known;
            }
            try {
                return IsoDateTimes.parse(value.asText());
            } catch (DateTimeParseException e) {
                add(Problem.Kind.TIME, field, "'" + Excerpt.of(value.asText())
                        + "' is not a valid ISO-8601 date-time with offset");
                return null;
            }
        }

        private void add(Problem.Kind kind, String field, String message) {
            problems.add(new Problem(kind, field, message));
        }
    }

    /** Durations as people write them: 90s, 12m, 5h, 3d. */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s < 120) {
            return s + "s";
        }
        if (s < 7_200) {
            return (s / 60) + "m";
        }
        if (s < 172_800) {
            return (s / 3_600) + "h";
        }
        return (s / 86_400) + "d";
    }
}
