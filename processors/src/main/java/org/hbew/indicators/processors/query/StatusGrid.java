package org.hbew.indicators.processors.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.City;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.processors.topology.StatusState;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;

/**
 * Lays the status states gathered from every instance over the catalog, so that the grid has every item,
 * city and indicator whether or not it was ever judged: a key absent from all status stores is NO_DATA,
 * with the target that would apply to it. Pure, so the merge is tested without Kafka.
 */
final class StatusGrid {

    /** The target in force for an indicator of a city (the query API resolves it from the targets store). */
    @FunctionalInterface
    interface TargetLookup {
        Optional<TargetRecord> target(Item item, Indicator indicator, String city);
    }

    /** Worst first: what an operator should look at first when a cell holds several statuses. */
    private static final List<Status> SEVERITY = List.of(Status.LAGGING, Status.STALE, Status.ON_TRACK,
            Status.NO_DATA);

    private final Catalog catalog;
    private final TopologySettings settings;
    private final TargetLookup targets;

    StatusGrid(Catalog catalog, TopologySettings settings, TargetLookup targets) {
        this.catalog = catalog;
        this.settings = settings;
        this.targets = targets;
    }

    /**
     * The whole grid.
     *
     * @param states {@code <item>:<city>:<indicator>} to its state, merged from every instance's store
     */
    GridView grid(Map<String, StatusState> states, Instant now, Duration silentAfter) {
        List<GridView.ItemRow> rows = catalog.items().stream().map(item -> row(item, states)).toList();
        List<GridView.CityCell> cells = rows.stream().flatMap(r -> r.cities().stream()).toList();
        List<GridView.CityInfo> cities = new ArrayList<>();
        for (City city : catalog.cities()) {
            Instant last = latest(cells.stream().filter(c -> c.city().equals(city.code()))
                    .map(GridView.CityCell::lastEventAt).toList());
            boolean silent = last == null || Duration.between(last, now).compareTo(silentAfter) > 0;
            cities.add(new GridView.CityInfo(city.code(), city.nameEn(), city.nameZh(), last, silent));
        }
        GridView.Summary summary = new GridView.Summary(
                count(cells.stream().flatMap(c -> c.indicators().stream()).map(GridView.IndicatorCell::status).toList()),
                count(cells.stream().map(GridView.CityCell::status).toList()));
        return new GridView(now, silentAfter.toString(), cities, summary, rows);
    }

    /** One item's row: a cell per city in catalog order. */
    GridView.ItemRow row(Item item, Map<String, StatusState> states) {
        List<GridView.CityCell> cells = new ArrayList<>();
        for (City city : catalog.cities()) {
            List<GridView.IndicatorCell> indicators = item.indicators().stream()
                    .map(indicator -> indicatorCell(item, indicator, city.code(),
                            states.get(Keys.status(item.number(), city.code(), indicator.code()))))
                    .toList();
            List<Status> statuses = indicators.stream().map(GridView.IndicatorCell::status).toList();
            cells.add(new GridView.CityCell(city.code(), worst(statuses), count(statuses),
                    latest(indicators.stream().map(GridView.IndicatorCell::lastEventAt).toList()), indicators));
        }
        return new GridView.ItemRow(item.number(), item.titleEn(), item.titleZh(), item.domain(), cells);
    }

    /** How many of the item's indicators, over all cities, are in each status. */
    static Map<Status, Long> counts(GridView.ItemRow row) {
        return count(row.cities().stream().flatMap(c -> c.indicators().stream())
                .map(GridView.IndicatorCell::status).toList());
    }

    private GridView.IndicatorCell indicatorCell(Item item, Indicator indicator, String city, StatusState state) {
        if (state == null) {
            TargetRecord target = targets.target(item, indicator, city).orElse(null);
            return new GridView.IndicatorCell(indicator.code(), indicator.title(), indicator.unit().code(),
                    Status.NO_DATA, null, indicator.headlineStatistic(), target, settings.windowFor(target).name(),
                    null, null);
        }
        return new GridView.IndicatorCell(indicator.code(), indicator.title(), indicator.unit().code(),
                state.status(), state.reportedValue(), indicator.headlineStatistic(), state.reportedTarget(),
                settings.windowFor(state.reportedTarget()).name(), Instant.ofEpochMilli(state.since()),
                state.lastEventAt() == null ? null : Instant.ofEpochMilli(state.lastEventAt()));
    }

    /** LAGGING if any indicator lags, else STALE if any is stale, else ON_TRACK if any reported, else NO_DATA. */
    static Status worst(Collection<Status> statuses) {
        return SEVERITY.stream().filter(statuses::contains).findFirst().orElse(Status.NO_DATA);
    }

    /** Every status, in declaration order, with how often it occurs (zero included, so clients need no defaults). */
    static Map<Status, Long> count(Collection<Status> statuses) {
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0L);
        }
        statuses.forEach(s -> counts.merge(s, 1L, Long::sum));
        return counts;
    }

    private static Instant latest(Collection<Instant> times) {
        return times.stream().filter(t -> t != null).max(Instant::compareTo).orElse(null);
    }
}
