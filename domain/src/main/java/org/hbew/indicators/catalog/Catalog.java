package org.hbew.indicators.catalog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The agreement as the product knows it: the four cities, the 22 items and their indicators. It is
 * the single source of truth for codes, units, aggregations, cadences, default targets and the
 * teams alerts go to. Built only by {@link CatalogLoader}, which checks it.
 */
public final class Catalog {

    private final String name;
    private final Map<String, City> cities;
    private final Map<String, Team> teams;
    private final Map<Integer, Item> items;

    Catalog(String name, List<City> cities, List<Team> teams, List<Item> items) {
        this.name = name;
        this.cities = index(cities, City::code);
        this.teams = index(teams, Team::code);
        this.items = index(items.stream().sorted(Comparator.comparingInt(Item::number)).toList(), Item::number);
    }

    private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key) {
        return values.stream().collect(Collectors.toMap(key, v -> v, (a, b) -> a, LinkedHashMap::new));
    }

    public String name() {
        return name;
    }

    public List<City> cities() {
        return List.copyOf(cities.values());
    }

    public List<String> cityCodes() {
        return List.copyOf(cities.keySet());
    }

    public Optional<City> city(String code) {
        return Optional.ofNullable(cities.get(code));
    }

    public List<Team> teams() {
        return List.copyOf(teams.values());
    }

    public List<Item> items() {
        return List.copyOf(items.values());
    }

    public Optional<Item> item(int number) {
        return Optional.ofNullable(items.get(number));
    }

    public Optional<Indicator> indicator(int item, String code) {
        return item(item).flatMap(i -> i.indicator(code));
    }

    /** Every (item, indicator) pair, in item order. */
    public Stream<ItemIndicator> itemIndicators() {
        return items.values().stream().flatMap(item -> item.indicators().stream().map(ind -> new ItemIndicator(item, ind)));
    }

    /** The item whose events belong to the flow. */
    public Optional<Item> itemOf(Flow flow) {
        return items.values().stream().filter(i -> i.flow().filter(flow::equals).isPresent()).findFirst();
    }

    /** An indicator together with its item. */
    public record ItemIndicator(Item item, Indicator indicator) {
    }
}
