package org.hbew.indicators.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hbew.indicators.json.Json;

/** Valid and invalid events for the tests: item 14, school pairs established, a whole count. */
final class TestEvents {

    static final int ITEM = 14;
    static final String INDICATOR = "school_pairs";

    private TestEvents() {
    }

    static ObjectNode valid(String city) {
        return valid(city, UUID.randomUUID());
    }

    static ObjectNode valid(String city, UUID eventId) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("schemaVersion", 1);
        event.put("eventId", eventId.toString());
        event.put("city", city);
        event.put("item", ITEM);
        event.put("indicator", INDICATOR);
        event.put("occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusMinutes(1).toString());
        event.put("value", 3);
        event.put("unit", "count");
        return event;
    }

    static String ndjson(List<ObjectNode> events) {
        return events.stream().map(ObjectNode::toString).collect(Collectors.joining("\n", "", "\n"));
    }

    static String array(List<ObjectNode> events) {
        return events.stream().map(ObjectNode::toString).collect(Collectors.joining(",", "[", "]"));
    }
}
