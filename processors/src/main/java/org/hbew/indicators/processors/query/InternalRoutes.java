package org.hbew.indicators.processors.query;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.City;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.http.JsonResponse;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.processors.topology.WindowSpec;

/**
 * The endpoints instances use to ask each other ({@link RemoteStoreReader}): each answers from this
 * instance's own stores only and never routes further, so a request cannot loop between instances. Not
 * for clients: parameters are in the form the instances pass them (epoch milliseconds, partitions).
 * Anyone who can reach the port can call them all the same, so they check their parameters as strictly as
 * the public routes: a value no instance would send is a 400 naming it, before any store is read.
 */
final class InternalRoutes {

    static final String STATUS = "/v1/internal/status";
    static final String ACCOUNTING = "/v1/internal/accounting";
    static final String CITY_HISTORY = "/v1/internal/city-history";
    static final String REGION = "/v1/internal/region";

    /** A partition number: ASCII digits, no sign, few enough to be an int. */
    private static final Pattern PARTITION = Pattern.compile("[0-9]{1,9}");

    private final LocalStoreReader local;
    private final Catalog catalog;
    private final TopologySettings settings;

    InternalRoutes(LocalStoreReader local, Catalog catalog, TopologySettings settings) {
        this.local = local;
        this.catalog = catalog;
        this.settings = settings;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get(STATUS, ctx -> {
            QueryString query = QueryString.of(ctx);
            JsonResponse.send(ctx, 200, join(local.statuses(partitions(query), stale(query))));
        });
        cfg.routes.get(ACCOUNTING, ctx -> {
            QueryString query = QueryString.of(ctx);
            JsonResponse.send(ctx, 200, join(local.accounting(partitions(query), stale(query))));
        });
        cfg.routes.get(CITY_HISTORY, this::cityHistory);
        cfg.routes.get(REGION, this::region);
    }

    private void cityHistory(Context ctx) {
        QueryString query = QueryString.of(ctx);
        Item item = QueryParams.item(catalog, query.required("item"));
        City city = QueryParams.city(catalog, query.required("city"));
        WindowSpec window = QueryParams.window(settings, query.required("window"));
        QueryParams.WindowRange range = QueryParams.range("first", "last", window,
                QueryParams.windowStart("first", query.required("first"), settings),
                QueryParams.windowStart("last", query.required("last"), settings));
        int partition = partition("partition", query.required("partition"));
        ReadResponse.send(ctx, join(local.cityHistory(new StoreReader.CityHistory(item.number(), city.code(),
                window.name(), range.firstStart(), range.lastStart()), partition, stale(query))));
    }

    private void region(Context ctx) {
        QueryString query = QueryString.of(ctx);
        Item item = QueryParams.item(catalog, query.required("item"));
        WindowSpec window = QueryParams.window(settings, query.required("window"));
        long start = QueryParams.windowStart("start", query.required("start"), settings);
        int partition = partition("partition", query.required("partition"));
        ReadResponse.send(ctx, join(local.region(new StoreReader.Region(item.number(), window.name(), start),
                partition, stale(query))));
    }

    private static <T> T join(CompletableFuture<T> local) {
        try {
            return local.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** A comma-separated list of partitions, each once. */
    private List<Integer> partitions(QueryString query) {
        List<Integer> partitions = new ArrayList<>();
        for (String raw : query.required("partitions").split(",", -1)) {
            int partition = partition("partitions", raw.trim());
            if (!partitions.contains(partition)) {
                partitions.add(partition);
            }
        }
        return partitions;
    }

    /**
     * A partition of hbew.events.raw: every store's partitions are numbered as the raw topic's (the rollup's
     * repartition topic has as many), so that is the range a partition may be in.
     */
    private int partition(String parameter, String raw) {
        if (PARTITION.matcher(raw).matches()) {
            int partition = Integer.parseInt(raw);
            if (partition < settings.rawPartitions()) {
                return partition;
            }
        }
        throw QueryErrors.invalidParameter(parameter, QueryErrors.shown(raw) + " is not a partition of "
                + Topics.RAW.name() + " (0 to " + (settings.rawPartitions() - 1) + ")");
    }

    private static boolean stale(QueryString query) {
        String raw = query.optional("stale").orElse("false");
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw QueryErrors.invalidParameter("stale", QueryErrors.shown(raw)
                    + " is neither true nor false");
        };
    }
}
