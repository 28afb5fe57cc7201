package org.hbew.indicators.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One of the 22 items of the 2020-2021 agreement.
 *
 * @param domain the field of work (transport, health insurance, ...)
 * @param team   the team that owns the item; alerts about it are routed there
 * @param flow   the cross-city flow whose events report this item, for items 18, 20 and 21
 */
public record Item(
        int number,
        String titleEn,
        String titleZh,
        String domain,
        Team team,
        Optional<Flow> flow,
        List<Indicator> indicators) {

    public Item {
        indicators = List.copyOf(indicators);
    }

    /** Asked for every event counted, so loops rather than streams here: an item has a handful of indicators. */
    public Optional<Indicator> indicator(String code) {
        for (Indicator indicator : indicators) {
            if (indicator.code().equals(code)) {
                return Optional.of(indicator);
            }
        }
        return Optional.empty();
    }

    /** Plain indicators: those an event may name directly. */
    public List<Indicator> plainIndicators() {
        return indicatorsDerivedFromFlow(false);
    }

    /** Indicators observed on each event of the item's flow. */
    public List<Indicator> flowIndicators() {
        return indicatorsDerivedFromFlow(true);
    }

    private List<Indicator> indicatorsDerivedFromFlow(boolean derived) {
        List<Indicator> matching = new ArrayList<>(indicators.size());
        for (Indicator indicator : indicators) {
            if (indicator.derivedFromFlow() == derived) {
                matching.add(indicator);
            }
        }
        return Collections.unmodifiableList(matching);
    }
}
