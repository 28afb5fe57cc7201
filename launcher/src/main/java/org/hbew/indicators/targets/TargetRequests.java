package org.hbew.indicators.targets;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.Direction;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.records.TargetRecord;

/**
 * Turns an operator's request into a target record, after checking it against the catalog: the item and
 * indicator exist and belong together, the city is one of the four, the value is one the indicator can
 * take, and the window is named like the processors' windows ({@code 1h}, {@code 1d}).
 */
public final class TargetRequests {

    /** Window names as the processors write them: a number and m, h or d. */
    private static final Pattern WINDOW = Pattern.compile("[1-9][0-9]*[mhd]");
    static final String DEFAULT_WINDOW = "1d";

    private TargetRequests() {
    }

    /**
     * @param city   a city code, or null for all cities
     * @param window null for the catalog default's window, else {@value #DEFAULT_WINDOW}
     * @throws IllegalArgumentException listing every problem of the request
     */
    public static TargetRecord operator(Catalog catalog, int item, String indicator, String city, Direction direction,
                                        double value, String window, Instant now) {
        List<String> problems = new ArrayList<>();
        Optional<Indicator> found = indicator(catalog, item, indicator, problems);
        checkCity(catalog, city, problems);
        if (!Double.isFinite(value)) {
            problems.add("the value must be a finite number, got " + value);
        } else {
            found.filter(i -> !i.range().contains(value)).ifPresent(i -> problems.add("the value " + value
                    + " is outside what " + indicator + " can take [" + i.range().min() + ", " + i.range().max() + "]"));
        }
        String effectiveWindow = window != null ? window
                : found.flatMap(Indicator::target).map(t -> t.window()).orElse(DEFAULT_WINDOW);
        if (!WINDOW.matcher(effectiveWindow).matches()) {
            problems.add("the window '" + effectiveWindow + "' must be a number and m, h or d, e.g. 1h or 1d");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new TargetRecord(item, indicator, city, direction.code(), value, effectiveWindow,
                TargetRecord.SOURCE_OPERATOR, now);
    }

    /**
     * Checks that the key of a reset names a real indicator (and city).
     *
     * @throws IllegalArgumentException listing every problem
     */
    public static void checkKey(Catalog catalog, int item, String indicator, String city) {
        List<String> problems = new ArrayList<>();
        indicator(catalog, item, indicator, problems);
        checkCity(catalog, city, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
    }

    /** The catalog's illustrative default for all cities, as a record, if the indicator has one. */
    public static Optional<TargetRecord> catalogDefault(Item item, Indicator indicator, Instant now) {
        return indicator.target().map(t -> new TargetRecord(item.number(), indicator.code(), null,
                t.direction().code(), t.value(), t.window(), TargetRecord.SOURCE_CATALOG, now));
    }

    private static Optional<Indicator> indicator(Catalog catalog, int item, String code, List<String> problems) {
        Optional<Item> found = catalog.item(item);
        if (found.isEmpty()) {
            problems.add("there is no item " + item + " (items are 1 to " + catalog.items().size() + ")");
            return Optional.empty();
        }
        Optional<Indicator> indicator = found.get().indicator(code);
        if (indicator.isEmpty()) {
            problems.add("'" + code + "' is not an indicator of item " + item + "; its indicators: "
                    + found.get().indicators().stream().map(Indicator::code).toList());
        }
        return indicator;
    }

    private static void checkCity(Catalog catalog, String city, List<String> problems) {
        if (city != null && catalog.city(city).isEmpty()) {
            problems.add("unknown city '" + city + "'; known: " + catalog.cityCodes());
        }
    }
}
