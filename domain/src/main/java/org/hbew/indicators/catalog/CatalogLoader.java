package org.hbew.indicators.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads the agreement catalog from YAML and checks it before anything runs on it. All problems are
 * collected and reported together, each naming its entry, so a bad edit is fixed in one pass.
 */
public final class CatalogLoader {

    /** The catalog shipped with the product, on the classpath. */
    public static final String DEFAULT_RESOURCE = "catalog/agreement-2020-2021.yaml";

    /** The agreement has 22 items; the catalog must describe each of them, and no others. */
    public static final int ITEM_COUNT = 22;

    private static final Pattern CITY_CODE = Pattern.compile("[a-z]+");
    private static final Pattern TEAM_CODE = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern INDICATOR_CODE = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern WINDOW_NAME = Pattern.compile("[1-9][0-9]*[mhd]");

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private CatalogLoader() {
    }

    public static Catalog loadDefault() {
        try (InputStream in = CatalogLoader.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new CatalogException(DEFAULT_RESOURCE, List.of("not found on the classpath"));
            }
            return parse(DEFAULT_RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Catalog load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in);
        } catch (IOException e) {
            throw new CatalogException(file.toString(), List.of("cannot be read: " + e.getMessage()));
        }
    }

    public static Catalog parse(String source, InputStream yaml) {
        RawCatalog raw;
        try {
            JsonNode tree = YAML.readTree(yaml);
            if (tree == null || tree.isMissingNode() || tree.isNull()) {
                throw new CatalogException(source, List.of("is empty"));
            }
            raw = YAML.treeToValue(tree, RawCatalog.class);
        } catch (JsonMappingException e) {
            throw new CatalogException(source, List.of(pathOf(e) + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new CatalogException(source, List.of("is not valid YAML: " + e.getMessage()));
        }
        return new Checker(source).check(raw);
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "document" : path.toString();
    }

    /** One pass over the raw file that builds the catalog and collects every problem on the way. */
    private static final class Checker {
        private final String source;
        private final List<String> problems = new ArrayList<>();
        private final Set<String> indicatorCodes = new HashSet<>();

        Checker(String source) {
            this.source = source;
        }

        Catalog check(RawCatalog raw) {
            List<City> cities = checkCities(nullToEmpty(raw.cities()));
            List<Team> teams = checkTeams(nullToEmpty(raw.teams()));
            List<Item> items = checkItems(nullToEmpty(raw.items()), teams);
            if (isBlank(raw.name())) {
                problems.add("name: missing");
            }
            if (!problems.isEmpty()) {
                throw new CatalogException(source, problems);
            }
            return new Catalog(raw.name(), cities, teams, items);
        }

        private List<City> checkCities(List<RawCity> raw) {
            if (raw.isEmpty()) {
                problems.add("cities: none listed");
            }
            List<City> cities = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < raw.size(); i++) {
                RawCity c = raw.get(i);
                String where = "cities[" + i + "]";
                if (c.code() == null || !CITY_CODE.matcher(c.code()).matches()) {
                    problems.add(where + ".code: '" + c.code() + "' must be lower-case letters");
                    continue;
                }
                where = "city '" + c.code() + "'";
                if (!seen.add(c.code())) {
                    problems.add(where + ": duplicate code");
                }
                if (isBlank(c.nameZh()) || isBlank(c.nameEn())) {
                    problems.add(where + ": nameZh and nameEn are required");
                }
                cities.add(new City(c.code(), c.nameZh(), c.nameEn()));
            }
            return cities;
        }

        private List<Team> checkTeams(List<RawTeam> raw) {
            List<Team> teams = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < raw.size(); i++) {
                RawTeam t = raw.get(i);
                if (t.code() == null || !TEAM_CODE.matcher(t.code()).matches()) {
                    problems.add("teams[" + i + "].code: '" + t.code() + "' must be lower-case letters, digits and '-'");
                    continue;
                }
                if (!seen.add(t.code())) {
                    problems.add("team '" + t.code() + "': duplicate code");
                }
                if (isBlank(t.name())) {
                    problems.add("team '" + t.code() + "': name is required");
                }
                teams.add(new Team(t.code(), t.name()));
            }
            return teams;
        }

        private List<Item> checkItems(List<RawItem> raw, List<Team> teams) {
            List<Item> items = new ArrayList<>();
            Set<Integer> seen = new TreeSet<>();
            for (int i = 0; i < raw.size(); i++) {
                RawItem r = raw.get(i);
                if (r.number() == null || r.number() < 1 || r.number() > ITEM_COUNT) {
                    problems.add("items[" + i + "].number: '" + r.number() + "' must be 1 to " + ITEM_COUNT);
                    continue;
                }
                if (!seen.add(r.number())) {
                    problems.add("item " + r.number() + ": duplicate number");
                    continue;
                }
                checkItem(r, teams).ifPresent(items::add);
            }
            List<Integer> missing = new ArrayList<>();
            for (int n = 1; n <= ITEM_COUNT; n++) {
                if (!seen.contains(n)) {
                    missing.add(n);
                }
            }
            if (!missing.isEmpty()) {
                problems.add("items: missing item(s) " + missing + "; the agreement has " + ITEM_COUNT);
            }
            return items;
        }

        private Optional<Item> checkItem(RawItem r, List<Team> teams) {
            String where = "item " + r.number();
            int before = problems.size();
            if (isBlank(r.titleEn()) || isBlank(r.titleZh())) {
                problems.add(where + ": titleEn and titleZh are required");
            }
            if (isBlank(r.domain())) {
                problems.add(where + ".domain: missing");
            }
            Optional<Team> team = teams.stream().filter(t -> t.code().equals(r.team())).findFirst();
            if (team.isEmpty()) {
                problems.add(where + ".team: '" + r.team() + "' is not in teams");
            }
            Optional<Flow> flow = Optional.empty();
            if (r.flow() != null) {
                flow = Flow.fromCode(r.flow());
                if (flow.isEmpty()) {
                    problems.add(where + ".flow: unknown '" + r.flow() + "' (known: medical.settlement, "
                            + "pension.transfer, emergency.request)");
                }
            }
            List<RawIndicator> rawIndicators = nullToEmpty(r.indicators());
            if (rawIndicators.isEmpty()) {
                problems.add(where + ": needs at least one indicator");
            }
            List<Indicator> indicators = new ArrayList<>();
            for (RawIndicator ri : rawIndicators) {
                checkIndicator(where, ri, flow).ifPresent(indicators::add);
            }
            if (flow.isPresent() && indicators.stream().noneMatch(Indicator::derivedFromFlow)) {
                problems.add(where + ": has flow " + flow.get().code() + " but no indicator with a measure of it");
            }
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new Item(r.number(), r.titleEn(), r.titleZh(), r.domain(), team.orElseThrow(), flow,
                    indicators));
        }

        private Optional<Indicator> checkIndicator(String itemWhere, RawIndicator r, Optional<Flow> flow) {
            if (r.code() == null || !INDICATOR_CODE.matcher(r.code()).matches()) {
                problems.add(itemWhere + ": indicator code '" + r.code()
                        + "' must be lower-case letters, digits and '_', starting with a letter");
                return Optional.empty();
            }
            String where = itemWhere + " indicator '" + r.code() + "'";
            int before = problems.size();
            if (!indicatorCodes.add(r.code())) {
                problems.add(where + ": duplicate code (indicator codes are unique across the catalog)");
            }
            if (isBlank(r.title())) {
                problems.add(where + ".title: missing");
            }
            Optional<Unit> unit = Unit.fromCode(r.unit());
            if (unit.isEmpty()) {
                problems.add(where + ".unit: unknown '" + r.unit() + "' (known: " + Unit.knownCodes() + ")");
            }
            Optional<Aggregation> aggregation = Aggregation.fromCode(r.aggregation());
            if (aggregation.isEmpty()) {
                problems.add(where + ".aggregation: unknown '" + r.aggregation() + "' (known: "
                        + Aggregation.knownCodes() + ")");
            }
            aggregation.ifPresent(a -> checkQuantile(where, a, r.quantile()));
            if (aggregation.filter(a -> a == Aggregation.RATIO).isPresent() && unit.filter(u -> u != Unit.RATIO).isPresent()) {
                problems.add(where + ": aggregation ratio needs unit ratio (observations of 0 or 1)");
            }
            Optional<FlowMeasure> measure = checkMeasure(where, r.measure(), flow, unit);
            Range range = checkRange(where, r.range(), unit);
            Duration cadence = checkCadence(where, r.cadence());
            Optional<Target> target = checkTarget(where, r.target());
            if (problems.size() > before) {
                return Optional.empty();
            }
            return Optional.of(new Indicator(r.code(), r.title(), unit.orElseThrow(), aggregation.orElseThrow(),
                    r.quantile(), range, cadence, measure, target));
        }

        private void checkQuantile(String where, Aggregation aggregation, Double quantile) {
            if (aggregation == Aggregation.QUANTILES) {
                if (quantile == null || !(quantile > 0 && quantile < 1)) {
                    problems.add(where + ".quantile: aggregation quantiles needs a quantile between 0 and 1, got "
                            + quantile);
                }
            } else if (quantile != null) {
                problems.add(where + ".quantile: only for aggregation quantiles");
            }
        }

        private Optional<FlowMeasure> checkMeasure(String where, String measure, Optional<Flow> flow,
                                                   Optional<Unit> unit) {
            if (measure == null) {
                return Optional.empty();
            }
            if (flow.isEmpty()) {
                problems.add(where + ".measure: '" + measure + "' but the item has no flow");
                return Optional.empty();
            }
            Optional<FlowMeasure> found = FlowMeasure.of(flow.get(), measure);
            if (found.isEmpty()) {
                problems.add(where + ".measure: unknown '" + measure + "' for flow " + flow.get().code()
                        + " (known: " + FlowMeasure.knownCodes(flow.get()) + ")");
            } else if (unit.isPresent() && found.get().unit() != unit.get()) {
                problems.add(where + ".unit: measure " + measure + " is in " + found.get().unit().code()
                        + ", not " + unit.get().code());
            }
            return found;
        }

        private Range checkRange(String where, List<Double> range, Optional<Unit> unit) {
            if (range == null) {
                return unit.map(Unit::defaultRange).orElse(null);
            }
            if (range.size() != 2 || range.get(0) == null || range.get(1) == null || range.get(0) > range.get(1)) {
                problems.add(where + ".range: must be [min, max] with min <= max, got " + range);
                return null;
            }
            return new Range(range.get(0), range.get(1));
        }

        private Duration checkCadence(String where, String cadence) {
            if (cadence == null) {
                problems.add(where + ".cadence: missing (an ISO-8601 duration such as PT1H or P7D)");
                return null;
            }
            try {
                Duration d = Duration.parse(cadence);
                if (d.isNegative() || d.isZero()) {
                    problems.add(where + ".cadence: must be positive, got " + cadence);
                }
                return d;
            } catch (DateTimeParseException e) {
                problems.add(where + ".cadence: '" + cadence + "' is not an ISO-8601 duration such as PT1H or P7D");
                return null;
            }
        }

        private Optional<Target> checkTarget(String where, RawTarget t) {
            if (t == null) {
                return Optional.empty();
            }
            Optional<Direction> direction = Direction.fromCode(t.direction());
            if (direction.isEmpty()) {
                problems.add(where + ".target.direction: unknown '" + t.direction() + "' (known: at_least, at_most)");
            }
            if (t.value() == null || !Double.isFinite(t.value())) {
                problems.add(where + ".target.value: a finite number is required");
            }
            if (t.window() == null || !WINDOW_NAME.matcher(t.window()).matches()) {
                problems.add(where + ".target.window: '" + t.window() + "' must name a window such as 1h or 1d");
            }
            if (direction.isEmpty() || t.value() == null || t.window() == null) {
                return Optional.empty();
            }
            return Optional.of(new Target(direction.get(), t.value(), t.window()));
        }

        private static <T> List<T> nullToEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }
    }

    record RawCatalog(String name, String note, List<RawCity> cities, List<RawTeam> teams, List<RawItem> items) {
    }

    record RawCity(String code, String nameZh, String nameEn) {
    }

    record RawTeam(String code, String name) {
    }

    record RawItem(Integer number, String titleEn, String titleZh, String domain, String team, String flow,
                   List<RawIndicator> indicators) {
    }

    record RawIndicator(String code, String title, String unit, String aggregation, Double quantile, String measure,
                        List<Double> range, String cadence, RawTarget target) {
    }

    record RawTarget(String direction, Double value, String window) {
    }
}
