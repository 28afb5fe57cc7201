package org.hbew.indicators.processors.query;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hbew.indicators.event.EmergencyRequest;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.MedicalSettlement;
import org.hbew.indicators.event.PensionTransfer;

/** Valid events of the catalog, reported at a given time (China Standard Time, as the cities do). */
final class TestEvents {

    static final ZoneOffset CST = ZoneOffset.ofHours(8);

    private TestEvents() {
    }

    static EventEnvelope plain(String city, int item, String indicator, double value, String unit,
                               OffsetDateTime at) {
        return EventEnvelope.plain(UUID.randomUUID(), city, item, indicator, at, value, unit);
    }

    /** A medical settlement of an insured person of {@code from} treated in {@code to}, reported by {@code reporter}. */
    static EventEnvelope settlement(String reporter, String from, String to, double amount, boolean direct,
                                    OffsetDateTime at) {
        return EventEnvelope.flow(UUID.randomUUID(), reporter, 18, at,
                new MedicalSettlement(from, to, amount, direct, at.minusHours(1), at));
    }

    static EventEnvelope transferCompleted(String reporter, String from, String to, OffsetDateTime at) {
        return EventEnvelope.flow(UUID.randomUUID(), reporter, 20, at,
                new PensionTransfer(from, to, PensionTransfer.Stage.COMPLETED, at.minusDays(3), at));
    }

    static EventEnvelope emergencyDispatched(String reporter, String from, String to, OffsetDateTime at) {
        return EventEnvelope.flow(UUID.randomUUID(), reporter, 21, at,
                new EmergencyRequest(from, to, EmergencyRequest.Category.ACCIDENT, EmergencyRequest.Resource.TEAM,
                        at.minusMinutes(20), at.minusMinutes(10), null));
    }
}
