package org.hbew.indicators.event;

import java.time.Duration;
import java.time.OffsetDateTime;
import org.hbew.indicators.catalog.Flow;

/**
 * Item 18: treatment of a person insured in {@code insuredCity} at a hospital in {@code treatmentCity},
 * settled directly at the hospital ({@code direct}) or reimbursed later.
 */
public record MedicalSettlement(
        String insuredCity,
        String treatmentCity,
        double amount,
        boolean direct,
        OffsetDateTime dischargedAt,
        OffsetDateTime settledAt) implements FlowPayload {

    @Override
    public Flow flow() {
        return Flow.MEDICAL_SETTLEMENT;
    }

    @Override
    public String origin() {
        return insuredCity;
    }

    @Override
    public String destination() {
        return treatmentCity;
    }

    /** Minutes from discharge to settlement. */
    public double settlementMinutes() {
        return Duration.between(dischargedAt, settledAt).toSeconds() / 60.0;
    }
}
