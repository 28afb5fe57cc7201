package org.hbew.indicators.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.FlowPayload;

/**
 * A deterministic stream of synthetic events for the four cities and all 22 items: the same catalog,
 * settings and clock readings give the same events, ids included, so it is tested without a network.
 *
 * <p>Each event picks a reporting city (by size, leaving out a silent one) and what it reports: the
 * flows of items 18, 20 and 21 most often, then plain indicators by cadence (daily ones often, monthly
 * milestones rarely). Values follow {@link IndicatorProfiles} and {@link FlowEvents}. A share of events
 * are duplicates of recent ones (same eventId) or late (all times moved {@code lateBy} into the past).
 *
 * <p>Thread-safe: calls are serialised, so the simulator may switch scenarios while its pacer pulls events.
 */
public final class EventGenerator {

    /** The cities report in China Standard Time. */
    public static final ZoneOffset CITY_OFFSET = ZoneOffset.ofHours(8);

    /** How far {@link Scenario#SLOW_PENSION} stretches pension completion times at the end of its ramp. */
    static final double MAX_PENSION_DELAY = 3.5;
    /** How much more often emergency requests come in during {@link Scenario#EMERGENCY_SURGE}. */
    static final double EMERGENCY_SURGE_FACTOR = 6;

    private static final Map<String, Double> CITY_SIZES = Map.of(
            "hohhot", 1.25, "baotou", 1.10, "ordos", 0.95, "ulanqab", 0.70);
    private static final Map<Flow, Double> FLOW_SHARES = Map.of(
            Flow.MEDICAL_SETTLEMENT, 0.40, Flow.PENSION_TRANSFER, 0.16, Flow.EMERGENCY_REQUEST, 0.05);
    private static final double PLAIN_SHARE = 0.39;
    private static final int RECENT_PER_CITY = 256;

    private final Clock clock;
    private final Draws draws;
    private final PlainValues plainValues;
    private final FlowEvents flowEvents;
    private final List<Source> sources;
    private final List<String> cities;
    private final Map<String, Deque<EventEnvelope>> recent = new HashMap<>();

    private GeneratorSettings settings;
    private Instant scenarioSince;
    private List<String> activeCities;
    private double[] activeCityWeights;
    private double[] sourceWeights;

    public EventGenerator(Catalog catalog, GeneratorSettings settings, Clock clock) {
        Objects.requireNonNull(catalog, "catalog");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.draws = new Draws(settings.seed());
        Instant start = clock.instant();
        this.plainValues = new PlainValues(draws, start);
        this.flowEvents = new FlowEvents(draws);
        this.cities = catalog.cityCodes();
        this.sources = sources(catalog);
        cities.forEach(c -> recent.put(c, new ArrayDeque<>()));
        apply(settings, start);
    }

    /** The next event of the stream, stamped with the clock's current time. */
    public synchronized GeneratedEvent next() {
        double roll = draws.unit();
        if (roll < settings.duplicateShare()) {
            EventEnvelope earlier = recentEvent();
            if (earlier != null) {
                return new GeneratedEvent(earlier, GeneratedEvent.Kind.DUPLICATE);
            }
        }
        EventEnvelope event = fresh(clock.instant());
        if (roll >= settings.duplicateShare() && roll < settings.duplicateShare() + settings.lateShare()) {
            return new GeneratedEvent(TimeShift.back(event, settings.lateBy()), GeneratedEvent.Kind.LATE);
        }
        remember(event);
        return new GeneratedEvent(event, GeneratedEvent.Kind.FRESH);
    }

    /**
     * Switches to another scenario from now on; ramps (slow-pension) start over.
     *
     * @param outageCity the city that falls silent, for {@link Scenario#CITY_OUTAGE}; ignored otherwise
     */
    public synchronized void switchScenario(Scenario scenario, String outageCity) {
        apply(settings.withScenario(scenario, scenario == Scenario.CITY_OUTAGE ? outageCity : null), clock.instant());
    }

    public synchronized Scenario scenario() {
        return settings.scenario();
    }

    public synchronized GeneratorSettings settings() {
        return settings;
    }

    private void apply(GeneratorSettings newSettings, Instant now) {
        if (newSettings.scenario() == Scenario.CITY_OUTAGE && !cities.contains(newSettings.outageCity())) {
            throw new IllegalArgumentException("unknown city '" + newSettings.outageCity() + "' for city-outage; known: "
                    + cities);
        }
        this.settings = newSettings;
        this.scenarioSince = now;
        this.activeCities = cities.stream()
                .filter(c -> newSettings.scenario() != Scenario.CITY_OUTAGE || !c.equals(newSettings.outageCity()))
                .toList();
        this.activeCityWeights = activeCities.stream().mapToDouble(EventGenerator::size).toArray();
        this.sourceWeights = sources.stream().mapToDouble(s -> s.weight(newSettings.scenario())).toArray();
    }

    private EventEnvelope fresh(Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, CITY_OFFSET).truncatedTo(ChronoUnit.MILLIS);
        String city = draws.weighted(activeCities, activeCityWeights);
        Source source = draws.weighted(sources, sourceWeights);
        if (source.flow() != null) {
            return EventEnvelope.flow(draws.uuid(), city, source.item().number(), at,
                    flowPayload(source.flow(), city, at, now));
        }
        Indicator indicator = source.indicator();
        double value = plainValues.next(city, indicator, size(city), now, pensionDelay(now));
        return EventEnvelope.plain(draws.uuid(), city, source.item().number(), indicator.code(), at, value,
                indicator.unit().code());
    }

    private FlowPayload flowPayload(Flow flow, String reporter, OffsetDateTime at, Instant now) {
        String other = counterpart(reporter);
        return switch (flow) {
            case MEDICAL_SETTLEMENT -> flowEvents.medical(reporter, other, at);
            case PENSION_TRANSFER -> flowEvents.pension(reporter, other, at, pensionDelay(now));
            case EMERGENCY_REQUEST -> flowEvents.emergency(reporter, other, at,
                    settings.scenario() == Scenario.EMERGENCY_SURGE);
        };
    }

    /** Any other city, silent or not: a city in outage is still where people get treated or move to. */
    private String counterpart(String reporter) {
        List<String> others = cities.stream().filter(c -> !c.equals(reporter)).toList();
        return draws.weighted(others, others.stream().mapToDouble(EventGenerator::size).toArray());
    }

    /** 1 normally; in slow-pension it grows linearly to {@link #MAX_PENSION_DELAY} over the ramp. */
    double pensionDelay(Instant now) {
        if (settings.scenario() != Scenario.SLOW_PENSION) {
            return 1;
        }
        double progress = Math.min(1, Math.max(0,
                (double) Duration.between(scenarioSince, now).toMillis() / settings.slowPensionRamp().toMillis()));
        return 1 + (MAX_PENSION_DELAY - 1) * progress;
    }

    private void remember(EventEnvelope event) {
        Deque<EventEnvelope> ofCity = recent.get(event.city());
        if (ofCity.size() == RECENT_PER_CITY) {
            ofCity.removeFirst();
        }
        ofCity.addLast(event);
    }

    /** A recent event of a city that is reporting now, or null if none has reported yet. */
    private EventEnvelope recentEvent() {
        List<EventEnvelope> candidates = new ArrayList<>();
        for (String city : activeCities) {
            candidates.addAll(recent.get(city));
        }
        return candidates.isEmpty() ? null : candidates.get(draws.index(candidates.size()));
    }

    private static double size(String city) {
        return CITY_SIZES.getOrDefault(city, 1.0);
    }

    private static List<Source> sources(Catalog catalog) {
        List<Source> all = new ArrayList<>();
        double plainTotal = 0;
        for (Item item : catalog.items()) {
            item.flow().ifPresent(flow -> all.add(new Source(item, flow, null, FLOW_SHARES.getOrDefault(flow, 0.05))));
            for (Indicator indicator : item.plainIndicators()) {
                double w = cadenceWeight(indicator.cadence());
                plainTotal += w;
                all.add(new Source(item, null, indicator, w));
            }
        }
        double scale = PLAIN_SHARE / plainTotal;
        return all.stream()
                .map(s -> s.flow() != null ? s : new Source(s.item(), null, s.indicator(), s.baseWeight() * scale))
                .toList();
    }

    /** Monthly 1, weekly about 3, daily about 6, hourly about 10: frequent reporters report more often. */
    static double cadenceWeight(Duration cadence) {
        double hours = Math.max(1, cadence.toHours());
        return Math.max(1, 1 + Math.log(30 * 24 / hours) / Math.log(2));
    }

    /** What an event reports: a flow of an item, or one plain indicator. */
    private record Source(Item item, Flow flow, Indicator indicator, double baseWeight) {
        double weight(Scenario scenario) {
            if (scenario == Scenario.EMERGENCY_SURGE && flow == Flow.EMERGENCY_REQUEST) {
                return baseWeight * EMERGENCY_SURGE_FACTOR;
            }
            return baseWeight;
        }
    }
}
