package org.hbew.indicators.processors.query;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.City;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.processors.topology.WindowSpec;

/**
 * The public endpoints of the query API: they read their parameters ({@link QueryParams}, the query string
 * through {@link QueryString}), ask the queries, and write JSON, marked {@code X-Data-Stale: true} when any
 * part came from a stale read.
 */
final class QueryRoutes {

    private final StatusQueries statuses;
    private final FigureQueries figures;
    private final Catalog catalog;
    private final TopologySettings settings;
    private final Clock clock;

    QueryRoutes(StatusQueries statuses, FigureQueries figures, Catalog catalog, TopologySettings settings,
                Clock clock) {
        this.statuses = statuses;
        this.figures = figures;
        this.catalog = catalog;
        this.settings = settings;
        this.clock = clock;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get("/v1/status", ctx -> ReadResponse.send(ctx, statuses.grid()));
        cfg.routes.get("/v1/items", ctx -> ReadResponse.send(ctx, statuses.items()));
        cfg.routes.get("/v1/items/{item}", ctx -> ReadResponse.send(ctx,
                figures.item(QueryParams.item(catalog, ctx.pathParam("item")))));
        cfg.routes.get("/v1/items/{item}/cities/{city}", this::cityHistory);
        cfg.routes.get("/v1/items/{item}/region", this::regionHistory);
        cfg.routes.get("/v1/flows", this::flows);
        cfg.routes.get("/v1/accounting", ctx -> ReadResponse.send(ctx, figures.accounting()));
    }

    private void cityHistory(Context ctx) {
        Item item = QueryParams.item(catalog, ctx.pathParam("item"));
        City city = QueryParams.city(catalog, ctx.pathParam("city"));
        QueryString query = QueryString.of(ctx);
        WindowSpec window = QueryParams.window(settings, query.optional("window"), settings.smallestWindow());
        QueryParams.WindowRange range = QueryParams.history(window,
                QueryParams.instant("from", query.optional("from")), QueryParams.instant("to", query.optional("to")),
                clock.instant());
        ReadResponse.send(ctx, figures.cityHistory(item, city, window, range).map(records ->
                new CityHistoryView(item.number(), city.code(), window.name(), Instant.ofEpochMilli(range.firstStart()),
                        Instant.ofEpochMilli(range.lastStart()).plus(window.size()), records)));
    }

    private void regionHistory(Context ctx) {
        Item item = QueryParams.item(catalog, ctx.pathParam("item"));
        QueryString query = QueryString.of(ctx);
        WindowSpec window = QueryParams.window(settings, query.optional("window"), settings.smallestWindow());
        QueryParams.WindowRange range = QueryParams.history(window,
                QueryParams.instant("from", query.optional("from")), QueryParams.instant("to", query.optional("to")),
                clock.instant());
        ReadResponse.send(ctx, RegionHistory.read(figures, item, window, range));
    }

    private void flows(Context ctx) {
        QueryString query = QueryString.of(ctx);
        Optional<Flow> flow = QueryParams.flow(query.optional("flow"));
        WindowSpec window = QueryParams.window(settings, query.optional("window"), settings.largestWindow());
        Instant at = QueryParams.instant("at", query.optional("at")).orElse(clock.instant());
        List<Flow> flows = flow.map(List::of).orElse(Arrays.asList(Flow.values()));
        ReadResponse.send(ctx, figures.flows(flows, window, at));
    }
}
