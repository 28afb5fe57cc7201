package org.hbew.indicators.processors.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.City;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.processors.topology.WindowSpec;

/**
 * Reads the path and query parameters of the query API against the catalog and the deployment's windows.
 * A parameter that cannot be used is a 400 naming it, whatever is wrong with it: not a number, not in the
 * agreement (an item, a city), not a window or flow of this deployment, a time outside the years 0000 to 9999,
 * a range backwards or longer than {@value #MAX_HISTORY_WINDOWS} windows.
 *
 * <p>Times are kept within four-digit years so that their epoch milliseconds, the window arithmetic on them
 * and the instants made back from them never overflow; no data is that old or that far ahead.
 */
final class QueryParams {

    /** Windows a history answer may span: a month of hours, more than a year of days. */
    static final int MAX_HISTORY_WINDOWS = 1000;
    /** Windows a history answer spans when {@code from} is not given. */
    static final int DEFAULT_HISTORY_WINDOWS = 24;
    /** The earliest time a query may name: the start of year 0000 (ISO-8601's first four-digit year). */
    static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    /** The latest time a query may name: the end of year 9999. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    /** A number as written in a path or query: ASCII digits only, no sign (Integer.parseInt takes both). */
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    /** Digits that always fit an int. */
    private static final int INT_DIGITS = 9;
    /**
     * Epoch milliseconds as the instances pass them: an optional minus and ASCII digits, at most 15 of them, which
     * is all that years 0000 to 9999 need (and a window more), so that parsing never meets a number beyond long.
     */
    private static final Pattern MILLIS = Pattern.compile("-?[0-9]{1,15}");

    private QueryParams() {
    }

    static Item item(Catalog catalog, String raw) {
        String range = "items are 1 to " + catalog.items().size();
        if (!DIGITS.matcher(raw).matches()) {
            throw QueryErrors.invalidParameter("item", QueryErrors.shown(raw) + " is not an item number; " + range);
        }
        Optional<Item> item = raw.length() <= INT_DIGITS ? catalog.item(Integer.parseInt(raw)) : Optional.empty();
        return item.orElseThrow(() -> QueryErrors.invalidParameter("item", QueryErrors.shown(raw)
                + " is not an item of the agreement; " + range));
    }

    static City city(Catalog catalog, String raw) {
        return catalog.city(raw).orElseThrow(() -> QueryErrors.invalidParameter("city", "unknown city "
                + QueryErrors.shown(raw) + "; known: " + catalog.cityCodes()));
    }

    /** The window named by {@code raw}, or {@code fallback} when the parameter is absent. */
    static WindowSpec window(TopologySettings settings, Optional<String> raw, WindowSpec fallback) {
        return raw.map(name -> window(settings, name)).orElse(fallback);
    }

    /** The window named {@code raw}. */
    static WindowSpec window(TopologySettings settings, String raw) {
        if (!settings.hasWindow(raw)) {
            throw QueryErrors.invalidParameter("window", QueryErrors.shown(raw)
                    + " is not a window of this deployment; windows: "
                    + settings.windows().stream().map(WindowSpec::name).toList());
        }
        return settings.window(raw);
    }

    /** Absent when the parameter is. */
    static Optional<Flow> flow(Optional<String> raw) {
        return raw.map(code -> Flow.fromCode(code).orElseThrow(() -> QueryErrors.invalidParameter("flow",
                "unknown flow " + QueryErrors.shown(code) + "; known: "
                        + Arrays.stream(Flow.values()).map(Flow::code).toList())));
    }

    /**
     * An ISO-8601 instant, {@code 2026-11-27T02:00:00Z} or with an offset, {@code 2026-11-27T10:00:00+08:00},
     * from {@link #EARLIEST} to {@link #LATEST}. A space where the offset's (or a long year's) '+' should be is
     * read as '+': that is what an unencoded '+' in a query string becomes.
     */
    static Optional<Instant> instant(String parameter, Optional<String> raw) {
        return raw.map(text -> {
            Instant instant;
            try {
                instant = OffsetDateTime.parse(text.stripTrailing().replace(' ', '+')).toInstant();
            } catch (DateTimeParseException e) {
                throw QueryErrors.invalidParameter(parameter, QueryErrors.shown(text) + " is not an ISO-8601 "
                        + "instant such as 2026-11-27T02:00:00Z or 2026-11-27T10:00:00+08:00");
            }
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw QueryErrors.invalidParameter(parameter, QueryErrors.shown(text) + " is outside the times a "
                        + "query may name, " + EARLIEST + " to " + LATEST);
            }
            return instant;
        });
    }

    /**
     * A window start in epoch milliseconds, as the instances pass times to each other: the start of a window of
     * this deployment that holds a time a query may name, so from the largest window's size before
     * {@link #EARLIEST} to {@link #LATEST}.
     */
    static long windowStart(String parameter, String raw, TopologySettings settings) {
        long earliest = EARLIEST.toEpochMilli() - settings.largestWindow().sizeMs();
        long latest = LATEST.toEpochMilli();
        if (MILLIS.matcher(raw).matches()) {
            long millis = Long.parseLong(raw);
            if (millis >= earliest && millis <= latest) {
                return millis;
            }
        }
        throw QueryErrors.invalidParameter(parameter, QueryErrors.shown(raw) + " is not epoch milliseconds from "
                + earliest + " (" + Instant.ofEpochMilli(earliest) + ") to " + latest + " (" + LATEST + ")");
    }

    /**
     * The windows a history answer covers: those starting from the window containing {@code from} up to the
     * one containing {@code to}. Defaults: {@code to} is now, {@code from} gives {@value #DEFAULT_HISTORY_WINDOWS}
     * windows, or fewer where they would start before the window holding {@link #EARLIEST}.
     */
    static WindowRange history(WindowSpec window, Optional<Instant> from, Optional<Instant> to, Instant now) {
        long last = window.startOf(to.orElse(now).toEpochMilli());
        long first = from.map(f -> window.startOf(f.toEpochMilli()))
                .orElse(Math.max(last - (DEFAULT_HISTORY_WINDOWS - 1) * window.sizeMs(),
                        window.startOf(EARLIEST.toEpochMilli())));
        return range("from", "to", window, first, last);
    }

    /**
     * The windows starting in {@code [first, last]}, refused, naming the parameter that gives the start, when
     * {@code first} is after {@code last} or they are more than {@value #MAX_HISTORY_WINDOWS}.
     */
    static WindowRange range(String startParameter, String endParameter, WindowSpec window, long first, long last) {
        if (first > last) {
            throw QueryErrors.invalidParameter(startParameter, "must not be after " + endParameter + " ("
                    + Instant.ofEpochMilli(first) + " > " + Instant.ofEpochMilli(last) + ")");
        }
        long windows = windowCount(window, first, last);
        if (windows > MAX_HISTORY_WINDOWS) {
            throw QueryErrors.invalidParameter(startParameter, "the range spans " + windows + " windows of "
                    + window.name() + "; at most " + MAX_HISTORY_WINDOWS + " per request");
        }
        return new WindowRange(first, last);
    }

    /**
     * How many windows start in {@code [first, last]} (with {@code first <= last}): counted by window number,
     * {@code floorDiv} of each end, so no difference of two far-apart times can overflow.
     */
    static long windowCount(WindowSpec window, long first, long last) {
        return Math.floorDiv(last, window.sizeMs()) - Math.floorDiv(first, window.sizeMs()) + 1;
    }

    /** Windows whose start lies in {@code [firstStart, lastStart]}, in epoch milliseconds. */
    record WindowRange(long firstStart, long lastStart) {
    }
}
