package org.hbew.indicators.event;

import org.hbew.indicators.catalog.Flow;

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
}
