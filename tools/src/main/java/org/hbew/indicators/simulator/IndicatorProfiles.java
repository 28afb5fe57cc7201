package org.hbew.indicators.simulator;

import java.util.Map;
import org.hbew.indicators.catalog.Aggregation;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.simulator.IndicatorProfile.Amount;
import org.hbew.indicators.simulator.IndicatorProfile.Fluctuating;
import org.hbew.indicators.simulator.IndicatorProfile.Milestone;
import org.hbew.indicators.simulator.IndicatorProfile.Rising;
import org.hbew.indicators.simulator.IndicatorProfile.Volume;

/**
 * Plausible behaviour of each plain indicator of the shipped catalog, per average city. Volumes with a
 * default at-least target sit well above it (even the smallest city, at 0.7 of the average, meets it).
 * Every plain indicator of the shipped catalog must have its profile here: {@code EventGeneratorTest
 * .shouldHaveAProfileForEveryPlainIndicatorOfTheCatalog} fails otherwise, so an indicator added to the catalog
 * needs an entry in the same change. {@link #fallback} (a profile from the indicator's aggregation and range)
 * only serves catalogs other than the shipped one, such as those a test parses for itself.
 */
final class IndicatorProfiles {

    private static final Map<String, IndicatorProfile> BY_CODE = Map.ofEntries(
            Map.entry("zone_milestones", new Milestone(1)),
            Map.entry("joint_projects_signed", new Milestone(3)),
            Map.entry("road_link_progress", new Rising(30, 75, 0.2, 100, 1)),
            Map.entry("road_km_opened", new Amount(4, 0.5, 1)),
            Map.entry("expressway_investment", new Amount(25_000_000, 0.6, 0)),
            Map.entry("expressway_progress", new Rising(20, 60, 0.2, 100, 1)),
            Map.entry("hsr_prelim_milestones", new Milestone(1)),
            Map.entry("crossborder_progress", new Rising(10, 40, 0.1, 100, 1)),
            Map.entry("shared_data_services", new Rising(80, 160, 0.3, 1_000, 0)),
            Map.entry("online_service_transactions", new Volume(1_000, 0)),
            Map.entry("trademark_milestones", new Milestone(1)),
            Map.entry("regional_sales", new Volume(2_500_000, 2)),
            Map.entry("produce_shipped", new Volume(600, 1)),
            Map.entry("chain_projects_signed", new Milestone(2)),
            Map.entry("chain_investment", new Amount(40_000_000, 0.6, 0)),
            Map.entry("raw_milk_output", new Volume(3_600, 1)),
            Map.entry("dairy_project_progress", new Rising(40, 80, 0.2, 100, 1)),
            Map.entry("technology_contracts", new Amount(3_000_000, 0.7, 0)),
            Map.entry("renewable_capacity", new Rising(800, 2_500, 2.5, 100_000, 1)),
            Map.entry("clean_energy_delivered", new Volume(36_000, 1)),
            Map.entry("uhv_planning_milestones", new Milestone(1)),
            Map.entry("joint_route_visitors", new Volume(1_800, 0)),
            Map.entry("routes_launched", new Milestone(1)),
            Map.entry("school_pairs", new Milestone(3)),
            Map.entry("edu_cloud_active_users", new Fluctuating(7_500, 0.05, 0, false)),
            Map.entry("online_lessons", new Volume(400, 0)),
            Map.entry("credits_recognised", new Amount(300, 0.5, 0)),
            Map.entry("training_sessions", new Amount(12, 0.4, 0)),
            Map.entry("trainees", new Amount(400, 0.4, 0)),
            Map.entry("trainees_placed", new Amount(250, 0.4, 0)),
            Map.entry("drug_volume_procured", new Amount(120_000, 0.5, 0)),
            Map.entry("procurement_savings", new Amount(800_000, 0.6, 0)),
            Map.entry("transfer_backlog", new Fluctuating(110, 0.15, 0, true)),
            Map.entry("experts_enrolled", new Rising(40, 90, 0.3, 10_000, 0)),
            Map.entry("consultations_held", new Milestone(2)));

    private IndicatorProfiles() {
    }

    static IndicatorProfile of(Indicator indicator) {
        IndicatorProfile known = BY_CODE.get(indicator.code());
        if (known != null) {
            return known;
        }
        return fallback(indicator);
    }

    static boolean isKnown(String indicatorCode) {
        return BY_CODE.containsKey(indicatorCode);
    }

    /** Something inside the indicator's range that behaves like its aggregation suggests. */
    private static IndicatorProfile fallback(Indicator indicator) {
        double min = indicator.range().min();
        double max = indicator.range().max();
        double middle = Math.min(min + 100, (min + max) / 2);
        int decimals = indicator.unit().wholeNumbers() ? 0 : 1;
        if (indicator.aggregation() == Aggregation.LATEST) {
            return new Fluctuating(middle, 0.05, decimals, false);
        }
        return new Amount(Math.max(1, middle), 0.5, decimals);
    }
}
