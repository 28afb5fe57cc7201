package org.hbew.indicators.processors.topology;

import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.RegionIndicator;

/** What {@link RollUpCities} sends on: a regional indicator (hbew.indicators.region) or a flow-matrix cell (hbew.flows). */
sealed interface RollupOutput permits RollupOutput.Region, RollupOutput.Flow {

    /** The four cities' figures of one indicator, item and window, merged. */
    record Region(RegionIndicator indicator) implements RollupOutput {
    }

    /** One origin-to-destination cell of a flow item's matrix. */
    record Flow(FlowCounts cell) implements RollupOutput {
    }
}
