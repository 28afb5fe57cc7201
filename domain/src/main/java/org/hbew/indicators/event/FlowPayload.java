package org.hbew.indicators.event;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.OptionalDouble;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.FlowMeasure;

/**
 * The typed payload of a flow event: an origin-to-destination movement between two of the cities.
 * The event's {@code indicator} names the flow and so the payload's type.
 */
public sealed interface FlowPayload permits MedicalSettlement, PensionTransfer, EmergencyRequest {

    Flow flow();

    /** The city the flow starts from: insured city, transferring city, requesting city. */
    String origin();

    /** The city the flow goes to: treatment city, receiving city, supporting city. */
    String destination();

    /** Money moved by this event in CNY, for flows that move money; zero otherwise. */
    double amount();

    /**
     * The names of the payload's date-time fields, in the order the payload's JSON writes them; a constant of the
     * type, which its {@code PayloadForm} (known before a payload is bound) answers too.
     */
    List<String> timeFields();

    /** The time of {@code timeFields().get(index)}, or null where this payload does not have it (yet). */
    OffsetDateTime time(int index);

    /** Which of {@link #timeFields()} must not be before which (where both are present); a constant of the type. */
    List<TimeOrder> timeOrders();

    /** Whether the movement happened: a direct settlement, a completed transfer, dispatched support. */
    boolean completesMovement();

    /**
     * The number this event yields for {@code measure}, one of its flow's; empty where the event has none (a
     * pension request has no completion time yet).
     */
    OptionalDouble measure(FlowMeasure measure);

    /** This payload with every time it has moved by {@code by} (back for a negative duration). */
    FlowPayload withTimesShiftedBy(Duration by);

    /** For {@link #withTimesShiftedBy}: null stays null. */
    static OffsetDateTime shifted(OffsetDateTime time, Duration by) {
        return time == null ? null : time.plus(by);
    }

    /** For {@link #measure}: a measure of another flow. */
    static IllegalArgumentException notMine(FlowMeasure measure, Flow flow) {
        return new IllegalArgumentException(measure + " is a measure of " + measure.flow() + ", not of " + flow);
    }
}
