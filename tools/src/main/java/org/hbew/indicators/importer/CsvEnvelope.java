package org.hbew.indicators.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.Json;

/**
 * Turns a CSV row into the JSON of an event envelope v1. Columns: {@code eventId, city, item,
 * indicator, occurredAt} (required in the header), {@code value, unit, payload, schemaVersion}
 * (optional; {@code payload} holds the flow payload as JSON text). Empty cells are left out, and a
 * number that does not read as one is passed on as text: ingest then says what is wrong, exactly as it
 * would for a posted event. Only what cannot become JSON at all (a payload that is not JSON, a row
 * with the wrong number of cells) is refused here.
 */
final class CsvEnvelope {

    static final List<String> REQUIRED = List.of("eventId", "city", "item", "indicator", "occurredAt");
    static final List<String> OPTIONAL = List.of("value", "unit", "payload", "schemaVersion");
    private static final Set<String> INTEGERS = Set.of("item", "schemaVersion");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final List<String> columns;

    private CsvEnvelope(List<String> columns) {
        this.columns = columns;
    }

    /**
     * @throws ImportFailedException if a column is unknown, repeated, or a required one is missing
     */
    static CsvEnvelope fromHeader(List<String> header) {
        List<String> columns = header.stream().map(String::strip).toList();
        List<String> problems = new ArrayList<>();
        for (String column : columns) {
            if (!REQUIRED.contains(column) && !OPTIONAL.contains(column)) {
                problems.add("unknown column '" + column + "'");
            } else if (columns.indexOf(column) != columns.lastIndexOf(column)) {
                problems.add("column '" + column + "' appears twice");
            }
        }
        for (String required : REQUIRED) {
            if (!columns.contains(required)) {
                problems.add("column '" + required + "' is missing");
            }
        }
        if (!problems.isEmpty()) {
            throw new ImportFailedException("the CSV header " + columns + " does not fit: "
                    + String.join("; ", problems.stream().distinct().toList()) + ". Expected columns "
                    + REQUIRED + " and optionally " + OPTIONAL);
        }
        return new CsvEnvelope(columns);
    }

    /** The record to post, or the reason it cannot become JSON. */
    SourceRecord convert(long line, String original, List<String> cells) {
        if (cells.size() != columns.size()) {
            return SourceRecord.unusable(line, original, "", "has " + cells.size() + " cells, the header has "
                    + columns.size());
        }
        ObjectNode event = NODES.objectNode();
        event.put("schemaVersion", EventEnvelope.CURRENT_SCHEMA_VERSION);
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            String cell = cells.get(i).strip();
            if (cell.isEmpty()) {
                continue;
            }
            if (column.equals("payload")) {
                try {
                    event.set("payload", Json.mapper().readTree(cell));
                } catch (JsonProcessingException e) {
                    return SourceRecord.unusable(line, original, "payload", "is not valid JSON: "
                            + e.getOriginalMessage());
                }
            } else if (INTEGERS.contains(column)) {
                event.set(column, integer(cell));
            } else if (column.equals("value")) {
                event.set(column, number(cell));
            } else {
                event.put(column, cell);
            }
        }
        try {
            return SourceRecord.event(line, original, Json.mapper().writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    private static JsonNode integer(String cell) {
        try {
            return NODES.numberNode(Integer.parseInt(cell));
        } catch (NumberFormatException e) {
            return NODES.textNode(cell);
        }
    }

    /** Decimal notation only: NaN, Infinity and hexadecimal stay text, and ingest refuses them. */
    private static JsonNode number(String cell) {
        try {
            return NODES.numberNode(new BigDecimal(cell));
        } catch (NumberFormatException e) {
            return NODES.textNode(cell);
        }
    }
}
