package org.hbew.indicators.event;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Valid envelopes of every kind, as a city system would post them on 27 November 2026; a fresh copy each call. */
final class EnvelopeExamples {

    private EnvelopeExamples() {
    }

    static ObjectNode plain() {
        ObjectNode e = envelope(2, "road_km_opened");
        e.put("value", 12.5);
        e.put("unit", "km");
        return e;
    }

    static ObjectNode settlement() {
        ObjectNode e = envelope(18, "medical.settlement");
        ObjectNode p = e.putObject("payload");
        p.put("insuredCity", "ordos");
        p.put("treatmentCity", "hohhot");
        p.put("amount", 3250.75);
        p.put("direct", true);
        p.put("dischargedAt", "2026-11-27T08:00:00+08:00");
        p.put("settledAt", "2026-11-27T08:20:00+08:00");
        return e;
    }

    /** A transfer from Baotou to Ordos, completed seven days after it was requested. */
    static ObjectNode completedTransfer() {
        ObjectNode e = envelope(20, "pension.transfer");
        ObjectNode p = e.putObject("payload");
        p.put("fromCity", "baotou");
        p.put("toCity", "ordos");
        p.put("stage", "completed");
        p.put("requestedAt", "2026-11-20T09:00:00+08:00");
        p.put("completedAt", "2026-11-27T09:00:00+08:00");
        return e;
    }

    static ObjectNode requestedTransfer() {
        ObjectNode e = completedTransfer();
        ((ObjectNode) e.get("payload")).put("stage", "requested").remove("completedAt");
        return e;
    }

    /** Ordos asks Ulanqab for special equipment, dispatched after 12 minutes and arrived within the hour. */
    static ObjectNode emergency() {
        ObjectNode e = envelope(21, "emergency.request");
        ObjectNode p = e.putObject("payload");
        p.put("requestingCity", "ordos");
        p.put("supportingCity", "ulanqab");
        p.put("category", "natural_disaster");
        p.put("resource", "special_equipment");
        p.put("requestedAt", "2026-11-27T08:00:00+08:00");
        p.put("dispatchedAt", "2026-11-27T08:12:00+08:00");
        p.put("arrivedAt", "2026-11-27T09:00:00+08:00");
        return e;
    }

    /** The same request, settled without support being sent. */
    static ObjectNode emergencyNotDispatched() {
        ObjectNode e = emergency();
        ((ObjectNode) e.get("payload")).remove(List.of("dispatchedAt", "arrivedAt"));
        return e;
    }

    private static ObjectNode envelope(int item, String indicator) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("schemaVersion", 1);
        e.put("eventId", "3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b");
        e.put("city", "ordos");
        e.put("item", item);
        e.put("indicator", indicator);
        e.put("occurredAt", "2026-11-27T09:30:00+08:00");
        return e;
    }
}
