package org.hbew.indicators.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hbew.indicators.catalog.Flow;

/**
 * How one flow's payload is written: its fields, its shape as docs/schemas/event-envelope-v1.schema.json has it,
 * and how it is bound from a JSON tree and read from the gateway's compact bytes. Each payload record holds its own
 * as {@code FORM}, next to what it does; {@link #of(Flow)} is the one place that maps a flow to it, so
 * {@link EventParser}, {@link EnvelopeShape} and {@link CompactEnvelope} ask the form and hold nothing of a flow.
 *
 * <p>The forms are constants and take what they read with through {@link ShapeChecks} and {@link CompactReader},
 * which the shape and the compact reader implement themselves: reading a payload costs no allocation beyond the
 * record's.
 */
abstract class PayloadForm<P extends FlowPayload> {

    private final List<String> timeFields;
    private final Set<String> fields;

    PayloadForm(List<String> timeFields, Set<String> fields) {
        this.timeFields = timeFields;
        this.fields = fields;
    }

    /** The form of the flow's payloads; the one switch on {@link Flow} a new flow adds a case to here. */
    static PayloadForm<?> of(Flow flow) {
        return switch (flow) {
            case MEDICAL_SETTLEMENT -> MedicalSettlement.FORM;
            case PENSION_TRANSFER -> PensionTransfer.FORM;
            case EMERGENCY_REQUEST -> EmergencyRequest.FORM;
        };
    }

    /** The payload's date-time fields in the order its JSON writes them: its records' {@link FlowPayload#timeFields()}. */
    final List<String> timeFields() {
        return timeFields;
    }

    /** Every field the payload may have, the properties of its {@code $defs} entry in the schema. */
    final Set<String> fields() {
        return fields;
    }

    /**
     * Whether {@code payload}, an object with none but {@link #fields()}, has the schema's shape, as
     * {@link EnvelopeShape} answers: true only where the schema agrees, false where unsure. The date-times it reads go
     * to {@code times}.
     */
    abstract boolean conforms(JsonNode payload, ShapeChecks checks, ReadTimes times);

    /**
     * The payload as its record, from a tree whose every field's presence and type the schema has vouched for;
     * {@code times} holds its date-times as read already, by field name (absent ones missing).
     */
    abstract P bind(JsonNode payload, Map<String, OffsetDateTime> times);

    /**
     * The payload as the gateway writes it (its record's fields in declaration order, absent times left out), from
     * just after its opening brace up to and including its closing one; or null for anything else. Only the form of
     * each field: the cities' relation, the times' order and {@code occurredAt} are the caller's checks.
     */
    abstract P read(CompactReader in);

    /** What a form's {@link #conforms} checks a field with; each is false for a missing field. */
    interface ShapeChecks {

        /** A city code the catalog knows. */
        boolean isCity(JsonNode node);

        /** A string, one of {@code codes}. */
        boolean isOneOf(JsonNode node, Set<String> codes);

        /** A number, not an infinity. */
        boolean isFiniteNumber(JsonNode node);

        /** A date-time in the shape senders use; read into {@code times}. */
        boolean isTimestamp(JsonNode node, ReadTimes times);
    }

    /**
     * What a form's {@link #read} reads a field's value with, at the reader's position, which moves past what it
     * read. Each answers null (NaN, false) for what is not written exactly as the gateway writes a valid value; the
     * position is then of no further use.
     */
    interface CompactReader {

        /** Moves past {@code text} if it is written here. */
        boolean expect(String text);

        /** A city code the catalog knows, up to its closing quote. */
        String city();

        /** A finite JSON number; NaN for anything else. */
        double number();

        /** A date-time in the canonical form, up to its closing quote. */
        OffsetDateTime time();

        /** The constant whose {@linkplain PayloadForm#codes code} is written here, up to its closing quote. */
        <E extends Enum<E>> E constant(E[] values);
    }

    /** The codes of an enum of a payload, as its JSON writes them: the constants' names in lower case. */
    static Set<String> codes(Enum<?>[] constants) {
        return Arrays.stream(constants).map(c -> c.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The enum constant a code names: {@code natural_disaster} is {@code NATURAL_DISASTER}. */
    static <E extends Enum<E>> E constant(Class<E> type, JsonNode code) {
        return Enum.valueOf(type, code.textValue().toUpperCase(Locale.ROOT));
    }
}
