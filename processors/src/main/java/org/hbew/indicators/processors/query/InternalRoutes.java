package org.hbew.indicators.processors.query;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.hbew.indicators.http.JsonResponse;

/**
 * The endpoints instances use to ask each other ({@link RemoteStoreReader}): each answers from this
 * instance's own stores only and never routes further, so a request cannot loop between instances. Not
 * for clients: parameters are in the form the instances pass them (epoch milliseconds, partitions).
 */
final class InternalRoutes {

    static final String STATUS = "/v1/internal/status";
    static final String ACCOUNTING = "/v1/internal/accounting";
    static final String CITY_HISTORY = "/v1/internal/city-history";
    static final String REGION = "/v1/internal/region";

    private final LocalStoreReader local;

    InternalRoutes(LocalStoreReader local) {
        this.local = local;
    }

    void install(JavalinConfig cfg) {
        cfg.routes.get(STATUS, ctx -> JsonResponse.send(ctx, 200,
                join(local.statuses(partitions(ctx), stale(ctx)))));
        cfg.routes.get(ACCOUNTING, ctx -> JsonResponse.send(ctx, 200,
                join(local.accounting(partitions(ctx), stale(ctx)))));
        cfg.routes.get(CITY_HISTORY, ctx -> ReadResponse.send(ctx, join(local.cityHistory(
                new StoreReader.CityHistory(integer(ctx, "item"), text(ctx, "city"), text(ctx, "window"),
                        number(ctx, "first"), number(ctx, "last")), integer(ctx, "partition"), stale(ctx)))));
        cfg.routes.get(REGION, ctx -> ReadResponse.send(ctx, join(local.region(
                new StoreReader.Region(integer(ctx, "item"), text(ctx, "window"), number(ctx, "start")),
                integer(ctx, "partition"), stale(ctx)))));
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

    private static List<Integer> partitions(Context ctx) {
        String raw = text(ctx, "partitions");
        try {
            return Arrays.stream(raw.split(",")).map(String::trim).map(Integer::valueOf).toList();
        } catch (NumberFormatException e) {
            throw QueryErrors.invalidParameter("partitions", "'" + raw + "' is not a comma-separated list of numbers");
        }
    }

    private static boolean stale(Context ctx) {
        return "true".equals(ctx.queryParam("stale"));
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            throw QueryErrors.invalidParameter(name, "missing");
        }
        return value;
    }

    private static int integer(Context ctx, String name) {
        return Math.toIntExact(number(ctx, name));
    }

    private static long number(Context ctx, String name) {
        String raw = text(ctx, name);
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw QueryErrors.invalidParameter(name, "'" + raw + "' is not a number");
        }
    }
}
