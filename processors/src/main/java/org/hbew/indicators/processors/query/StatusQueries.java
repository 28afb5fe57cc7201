package org.hbew.indicators.processors.query;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.processors.topology.Targets;
import org.hbew.indicators.processors.topology.TopologySettings;

/**
 * The statuses of the whole agreement. Each status lives in the task of the raw partition of its
 * {@code <item>:<city>}, so the statuses are gathered partition by partition from whichever instances hold
 * them, merged, and laid over the catalog by {@link StatusGrid}.
 */
final class StatusQueries {

    private final Router router;
    private final LocalStores local;
    private final Catalog catalog;
    private final TopologySettings settings;
    private final Clock clock;
    private final Duration silentAfter;

    StatusQueries(Router router, LocalStores local, Catalog catalog, TopologySettings settings, Clock clock,
                  Duration silentAfter) {
        this.router = router;
        this.local = local;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
        this.silentAfter = silentAfter;
    }

    /** {@code GET /v1/status}. */
    Read<GridView> grid() {
        return states().map(states -> grid(targets()).grid(states, clock.instant(), silentAfter));
    }

    /** {@code GET /v1/items}. */
    Read<ItemViews.Items> items() {
        StatusGrid.TargetLookup targets = targets();
        StatusGrid grid = grid(targets);
        return states().map(states -> new ItemViews.Items(clock.instant(), catalog.items().stream()
                .map(item -> ItemSummaries.of(item, targets, StatusGrid.counts(grid.row(item, states))))
                .toList()));
    }

    /** Every status state of every instance, by status key; a key never judged is absent. */
    Read<Map<String, StatusState>> states() {
        int partitions = settings.rawPartitions();
        List<Integer> all = IntStream.range(0, partitions).boxed().toList();
        return router.byPartitions(Topics.RAW.name(), partitions, all, StoreReader::statuses).map(byPartition -> {
            Map<String, StatusState> merged = new HashMap<>();
            byPartition.values().forEach(merged::putAll);
            return merged;
        });
    }

    /** Targets as the status evaluation resolves them, from this instance's copy of the global store. */
    StatusGrid.TargetLookup targets() {
        Targets targets = new Targets(local.targets());
        return targets::resolve;
    }

    StatusGrid grid(StatusGrid.TargetLookup targets) {
        return new StatusGrid(catalog, settings, targets);
    }
}
