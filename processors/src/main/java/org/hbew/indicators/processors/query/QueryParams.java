package org.hbew.indicators.processors.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.City;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.processors.topology.WindowSpec;

/**
 * Reads the path and query parameters of the query API against the catalog and the deployment's windows.
 * A parameter that cannot be used is a 400 naming it; an item that the agreement does not have is a 404.
 */
final class QueryParams {

    /** Windows a history answer may span: a month of hours, more than a year of days. */
    static final int MAX_HISTORY_WINDOWS = 1000;
    /** Windows a history answer spans when {@code from} is not given. */
    static final int DEFAULT_HISTORY_WINDOWS = 24;

    private QueryParams() {
    }

    static Item item(Catalog catalog, String raw) {
        int number;
        try {
            number = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw QueryErrors.invalidParameter("item", "'" + raw + "' is not an item number (1 to "
                    + catalog.items().size() + ")");
        }
        return catalog.item(number).orElseThrow(() -> QueryErrors.notFound("item " + number
                + " is not in the agreement; items are 1 to " + catalog.items().size()));
    }

    static City city(Catalog catalog, String raw) {
        return catalog.city(raw).orElseThrow(() -> QueryErrors.invalidParameter("city", "unknown city '" + raw
                + "'; known: " + catalog.cityCodes()));
    }

    /** The window named by {@code raw}, or {@code fallback} when the parameter is absent. */
    static WindowSpec window(TopologySettings settings, String raw, WindowSpec fallback) {
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        if (!settings.hasWindow(raw)) {
            throw QueryErrors.invalidParameter("window", "'" + raw + "' is not a window of this deployment; windows: "
                    + settings.windows().stream().map(WindowSpec::name).toList());
        }
        return settings.window(raw);
    }

    /** Absent when the parameter is. */
    static Optional<Flow> flow(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Flow.fromCode(raw).orElseThrow(() -> QueryErrors.invalidParameter("flow", "unknown flow '"
                + raw + "'; known: " + Arrays.stream(Flow.values()).map(Flow::code).toList())));
    }

    /**
     * An ISO-8601 instant, {@code 2026-11-27T02:00:00Z} or with an offset, {@code 2026-11-27T10:00:00+08:00}.
     * A space where the offset's '+' should be is read as '+': that is what an unencoded '+' in a query
     * string becomes.
     */
    static Optional<Instant> instant(String parameter, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.empty();
        }
        String text = raw.trim().replace(' ', '+');
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw QueryErrors.invalidParameter(parameter, "'" + raw + "' is not an ISO-8601 instant such as "
                    + "2026-11-27T02:00:00Z or 2026-11-27T10:00:00+08:00");
        }
    }

    /**
     * The windows a history answer covers: those starting from the window containing {@code from} up to the
     * one containing {@code to}. Defaults: {@code to} is now, {@code from} gives {@value #DEFAULT_HISTORY_WINDOWS}
     * windows.
     */
    static WindowRange history(WindowSpec window, Optional<Instant> from, Optional<Instant> to, Instant now) {
        long last = window.startOf(to.orElse(now).toEpochMilli());
        long first = from.map(f -> window.startOf(f.toEpochMilli()))
                .orElse(last - (DEFAULT_HISTORY_WINDOWS - 1) * window.sizeMs());
        if (first > last) {
            throw QueryErrors.invalidParameter("from", "must not be after to (" + Instant.ofEpochMilli(first) + " > "
                    + Instant.ofEpochMilli(last) + ")");
        }
        long windows = (last - first) / window.sizeMs() + 1;
        if (windows > MAX_HISTORY_WINDOWS) {
            throw QueryErrors.invalidParameter("from", "the range spans " + windows + " windows of " + window.name()
                    + "; at most " + MAX_HISTORY_WINDOWS + " per request");
        }
        return new WindowRange(first, last);
    }

    /** Windows whose start lies in {@code [firstStart, lastStart]}, in epoch milliseconds. */
    record WindowRange(long firstStart, long lastStart) {
    }
}
