package org.hbew.indicators.simulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.hbew.indicators.event.EmergencyRequest;
import org.hbew.indicators.event.MedicalSettlement;
import org.hbew.indicators.event.PensionTransfer;

/**
 * Payloads of the three cross-city flows as a city office would report them, with every time at or
 * before the moment of reporting. The figures are chosen so that a steady run meets the catalog's
 * default targets: about 96.5% direct settlements (rate at least 0.90, and reimbursed claims, which take
 * days, stay under 5% so the p95 settlement time is minutes), pension transfers of a few days (p95 about
 * 9 against 15), emergency dispatch in 10 to 25 minutes (p95 about 23 against 30).
 */
final class FlowEvents {

    static final double DIRECT_SHARE = 0.965;
    static final double PENSION_MEDIAN_DAYS = 4.5;
    static final double PENSION_SIGMA = 0.42;
    private static final double FULFILLED_SHARE = 0.985;
    private static final double SURGE_FULFILLED_SHARE = 0.92;
    private static final double DISPATCH_MEDIAN_MINUTES = 14;
    private static final double SURGE_DISPATCH_MEDIAN_MINUTES = 30;

    private static final List<EmergencyRequest.Category> CATEGORIES = List.of(EmergencyRequest.Category.values());
    private static final double[] CATEGORY_WEIGHTS = {0.30, 0.35, 0.20, 0.15};
    private static final double[] SURGE_CATEGORY_WEIGHTS = {0.60, 0.20, 0.12, 0.08};
    private static final List<EmergencyRequest.Resource> RESOURCES = List.of(EmergencyRequest.Resource.values());
    private static final double[] RESOURCE_WEIGHTS = {0.5, 0.3, 0.2};

    private final Draws draws;

    FlowEvents(Draws draws) {
        this.draws = draws;
    }

    /** Mostly reported by the treating hospital's city, sometimes by the insuring city. */
    MedicalSettlement medical(String reporter, String other, OffsetDateTime now) {
        boolean reporterTreats = draws.chance(0.65);
        double amount = BigDecimal.valueOf(Math.min(500_000, Math.max(50, draws.logNormal(3_200, 0.9))))
                .setScale(2, RoundingMode.HALF_UP).doubleValue();
        boolean direct = draws.chance(DIRECT_SHARE);
        double minutes = direct
                ? Math.min(600, draws.logNormal(6, 0.8))
                : Math.min(60 * 24 * 90, draws.logNormal(4 * 24 * 60, 0.6));
        OffsetDateTime settledAt = seconds(now.minusSeconds((long) draws.uniform(0, 120)));
        OffsetDateTime dischargedAt = settledAt.minusSeconds(Math.round(minutes * 60));
        return new MedicalSettlement(reporterTreats ? other : reporter, reporterTreats ? reporter : other, amount,
                direct, dischargedAt, settledAt);
    }

    /** Half requests, half completions; {@code delay} stretches completion times (slow-pension). */
    PensionTransfer pension(String reporter, String other, OffsetDateTime now, double delay) {
        boolean reporterSends = draws.chance(0.5);
        String from = reporterSends ? reporter : other;
        String to = reporterSends ? other : reporter;
        if (draws.chance(0.5)) {
            OffsetDateTime requestedAt = seconds(now.minusSeconds((long) draws.uniform(0, 600)));
            return new PensionTransfer(from, to, PensionTransfer.Stage.REQUESTED, requestedAt, null);
        }
        double days = Math.min(365, draws.logNormal(PENSION_MEDIAN_DAYS * delay, PENSION_SIGMA));
        OffsetDateTime completedAt = seconds(now.minusSeconds((long) draws.uniform(0, 600)));
        OffsetDateTime requestedAt = completedAt.minusSeconds(Math.round(days * 86_400));
        return new PensionTransfer(from, to, PensionTransfer.Stage.COMPLETED, requestedAt, completedAt);
    }

    /** Reported once settled; in a surge more requests go unanswered and dispatch takes about twice as long. */
    EmergencyRequest emergency(String reporter, String other, OffsetDateTime now, boolean surge) {
        boolean reporterAsks = draws.chance(0.5);
        String requesting = reporterAsks ? reporter : other;
        String supporting = reporterAsks ? other : reporter;
        EmergencyRequest.Category category = draws.weighted(CATEGORIES,
                surge ? SURGE_CATEGORY_WEIGHTS : CATEGORY_WEIGHTS);
        EmergencyRequest.Resource resource = draws.weighted(RESOURCES, RESOURCE_WEIGHTS);
        if (!draws.chance(surge ? SURGE_FULFILLED_SHARE : FULFILLED_SHARE)) {
            OffsetDateTime requestedAt = seconds(now.minusSeconds((long) draws.uniform(3_600, 6 * 3_600)));
            return new EmergencyRequest(requesting, supporting, category, resource, requestedAt, null, null);
        }
        double dispatchMinutes = Math.min(24 * 60,
                draws.logNormal(surge ? SURGE_DISPATCH_MEDIAN_MINUTES : DISPATCH_MEDIAN_MINUTES, surge ? 0.35 : 0.3));
        double travelMinutes = draws.uniform(45, 180);
        OffsetDateTime arrivedAt = seconds(now.minusSeconds((long) draws.uniform(0, 1_800)));
        OffsetDateTime dispatchedAt = arrivedAt.minusSeconds(Math.round(travelMinutes * 60));
        OffsetDateTime requestedAt = dispatchedAt.minus(Duration.ofSeconds(Math.round(dispatchMinutes * 60)));
        return new EmergencyRequest(requesting, supporting, category, resource, requestedAt, dispatchedAt, arrivedAt);
    }

    private static OffsetDateTime seconds(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS);
    }
}
