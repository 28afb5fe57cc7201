package org.hbew.indicators.processors.topology;

import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.RegionIndicator;

/** What the rollup emits: a regional indicator or a cell of a flow matrix (exactly one is set). */
record RollupOutput(RegionIndicator region, FlowCounts flow) {
}
