package org.hbew.indicators.processors.topology;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hbew.indicators.event.EmergencyRequest;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.MedicalSettlement;
import org.hbew.indicators.event.PensionTransfer;

/** Events for the topology tests, at times given as instants (offset +08:00, as the cities report). */
final class Events {

    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);

    private Events() {
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(CHINA);
    }

    static EventEnvelope plain(String city, int item, String indicator, double value, String unit, Instant when) {
        return EventEnvelope.plain(UUID.randomUUID(), city, item, indicator, at(when), value, unit);
    }

    static EventEnvelope settlement(String insured, String treated, double amount, boolean direct, double minutes,
                                    Instant settledAt) {
        OffsetDateTime settled = at(settledAt);
        return EventEnvelope.flow(UUID.randomUUID(), insured, 18, settled, new MedicalSettlement(insured, treated,
                amount, direct, settled.minusSeconds(Math.round(minutes * 60)), settled));
    }

    static EventEnvelope transferCompleted(String from, String to, double days, Instant completedAt) {
        OffsetDateTime completed = at(completedAt);
        return EventEnvelope.flow(UUID.randomUUID(), to, 20, completed, new PensionTransfer(from, to,
                PensionTransfer.Stage.COMPLETED, completed.minusSeconds(Math.round(days * 86_400)), completed));
    }

    static EventEnvelope emergency(String requesting, String supporting, Double dispatchMinutes, Instant reportedAt) {
        OffsetDateTime reported = at(reportedAt);
        OffsetDateTime requested = reported.minusDays(1);
        OffsetDateTime dispatched = dispatchMinutes == null ? null
                : requested.plusSeconds(Math.round(dispatchMinutes * 60));
        return EventEnvelope.flow(UUID.randomUUID(), requesting, 21, reported, new EmergencyRequest(requesting,
                supporting, EmergencyRequest.Category.ACCIDENT, EmergencyRequest.Resource.TEAM, requested, dispatched,
                null));
    }
}
