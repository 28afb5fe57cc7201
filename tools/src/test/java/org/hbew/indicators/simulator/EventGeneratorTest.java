package org.hbew.indicators.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.Flow;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.event.EmergencyRequest;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.event.ParseResult;
import org.hbew.indicators.event.PensionTransfer;
import org.hbew.indicators.event.ValidationPolicy;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.Test;

class EventGeneratorTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    @Test
    void shouldRepeatTheSameEventsForTheSameSeed() {
        List<String> first = json(generate(new EventGenerator(CATALOG, GeneratorSettings.defaults(7), clock), 3_000,
                Duration.ofMillis(50)));
        MutableClock again = new MutableClock(START);
        List<String> second = json(generate(new EventGenerator(CATALOG, GeneratorSettings.defaults(7), again), 3_000,
                Duration.ofMillis(50), again));

        assertThat(second).containsExactlyElementsOf(first);
    }

    @Test
    void shouldGiveOtherEventsForAnotherSeed() {
        List<String> first = json(generate(generator(GeneratorSettings.defaults(7)), 200, Duration.ofMillis(50)));
        MutableClock again = new MutableClock(START);
        List<String> other = json(generate(new EventGenerator(CATALOG, GeneratorSettings.defaults(8), again), 200,
                Duration.ofMillis(50), again));

        assertThat(other).doesNotContainAnyElementsOf(first);
    }

    @Test
    void shouldOnlyGenerateEventsTheParserAccepts() {
        EventParser parser = new EventParser(CATALOG, ValidationPolicy.edgeDefaults(), clock);
        EventGenerator generator = generator(GeneratorSettings.defaults(11).withShares(0.02, 0.02, Duration.ofHours(3)));

        List<String> problems = new ArrayList<>();
        Set<Integer> items = new HashSet<>();
        Set<String> cities = new HashSet<>();
        for (int i = 0; i < 6_000; i++) {
            clock.advance(Duration.ofMillis(500));
            EventEnvelope event = generator.next().event();
            ParseResult result = parser.parse(bytes(event));
            if (result instanceof ParseResult.Invalid invalid) {
                problems.add(new String(bytes(event)) + " -> " + invalid.problems());
            } else {
                assertThat(((ParseResult.Valid) result).event()).isEqualTo(event);
            }
            items.add(event.item());
            cities.add(event.city());
        }

        assertThat(problems).isEmpty();
        assertThat(items).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, 22).boxed().toList());
        assertThat(cities).containsExactlyInAnyOrderElementsOf(CATALOG.cityCodes());
    }

    @Test
    void shouldHaveAProfileForEveryPlainIndicatorOfTheCatalog() {
        List<String> plain = CATALOG.items().stream()
                .flatMap(item -> item.plainIndicators().stream().map(Indicator::code)).toList();

        assertThat(plain).allMatch(IndicatorProfiles::isKnown);
    }

    @Test
    void shouldReportFlowsBetweenTwoCitiesOneOfThemTheReporter() {
        List<EventEnvelope> flows = events(generate(generator(GeneratorSettings.defaults(3)), 5_000,
                Duration.ofMillis(100))).stream().filter(e -> e.payload() != null).toList();

        assertThat(flows).isNotEmpty().allSatisfy(e -> {
            assertThat(e.payload().origin()).isNotEqualTo(e.payload().destination());
            assertThat(e.city()).isIn(e.payload().origin(), e.payload().destination());
        });
    }

    @Test
    void shouldMostlyMeetTheDefaultTargetsInASteadyDay() {
        // Given a simulated day at one event every four seconds
        EventGenerator generator = generator(GeneratorSettings.defaults(5));
        List<EventEnvelope> day = events(generate(generator, 21_600, Duration.ofSeconds(4))).stream().toList();

        // When every city's day is judged against every default target
        TargetJudge judge = new TargetJudge(CATALOG, day);
        Map<String, Boolean> met = judge.judgeDefaultTargets();

        // Then nearly all are met
        long metCount = met.values().stream().filter(b -> b).count();
        assertThat(met).hasSize(CATALOG.cityCodes().size() * 11);
        assertThat(metCount).as("targets met: %s", met).isGreaterThanOrEqualTo(met.size() - 2);
    }

    @Test
    void shouldLookLikeRealSettlementsTransfersAndDispatches() {
        List<EventEnvelope> events = events(generate(generator(GeneratorSettings.defaults(9)), 30_000,
                Duration.ofMillis(100)));

        double[] amounts = events.stream().filter(flow(Flow.MEDICAL_SETTLEMENT))
                .mapToDouble(e -> e.payload().amount()).sorted().toArray();
        assertThat(quantile(amounts, 0.5)).isBetween(1_000.0, 10_000.0);
        double directShare = events.stream().filter(flow(Flow.MEDICAL_SETTLEMENT))
                .mapToDouble(e -> ((org.hbew.indicators.event.MedicalSettlement) e.payload()).direct() ? 1 : 0)
                .average().orElseThrow();
        assertThat(directShare).isBetween(0.90, 0.97);
        assertThat(quantile(pensionDays(events), 0.5)).isBetween(2.0, 7.0);
        assertThat(quantile(dispatchMinutes(events), 0.5)).isBetween(10.0, 25.0);
        assertThat(quantile(dispatchMinutes(events), 0.95)).isLessThan(30.0);
    }

    @Test
    void shouldSilenceTheOutageCityOnly() {
        EventGenerator generator = generator(GeneratorSettings.defaults(1).withScenario(Scenario.CITY_OUTAGE, "ordos")
                .withShares(0.05, 0.02, Duration.ofHours(3)));

        List<EventEnvelope> events = events(generate(generator, 5_000, Duration.ofMillis(100)));

        assertThat(events).extracting(EventEnvelope::city).doesNotContain("ordos")
                .contains("hohhot", "baotou", "ulanqab");
    }

    @Test
    void shouldSilenceACityFromTheMomentTheScenarioSwitches() {
        EventGenerator generator = generator(GeneratorSettings.defaults(1).withShares(0.05, 0, Duration.ZERO));
        assertThat(events(generate(generator, 2_000, Duration.ofMillis(100))))
                .extracting(EventEnvelope::city).contains("baotou");

        generator.switchScenario(Scenario.CITY_OUTAGE, "baotou");

        assertThat(events(generate(generator, 2_000, Duration.ofMillis(100))))
                .extracting(EventEnvelope::city).doesNotContain("baotou");
        assertThatThrownBy(() -> generator.switchScenario(Scenario.CITY_OUTAGE, "beijing"))
                .hasMessageContaining("unknown city 'beijing'");
    }

    @Test
    void shouldPushPensionCompletionAboveFifteenDaysAfterTheRamp() {
        EventGenerator generator = generator(GeneratorSettings.defaults(2)
                .withScenario(Scenario.SLOW_PENSION, null).withSlowPensionRamp(Duration.ofMinutes(5)));

        double[] atStart = pensionDays(events(generate(generator, 3_000, Duration.ofMillis(10))));
        clock.advance(Duration.ofMinutes(5));
        double[] afterRamp = pensionDays(events(generate(generator, 3_000, Duration.ofMillis(10))));

        assertThat(quantile(atStart, 0.95)).isLessThan(15.0);
        assertThat(quantile(afterRamp, 0.95)).isGreaterThan(20.0);
        assertThat(quantile(afterRamp, 0.5)).isGreaterThan(quantile(atStart, 0.5) * 2);
    }

    @Test
    void shouldRaiseTheShareOfEmergencyRequestsAndSlowDispatchInASurge() {
        List<EventEnvelope> steady = events(generate(generator(GeneratorSettings.defaults(4)), 10_000,
                Duration.ofMillis(100)));
        List<EventEnvelope> surge = events(generate(generator(GeneratorSettings.defaults(4)
                .withScenario(Scenario.EMERGENCY_SURGE, null)), 10_000, Duration.ofMillis(100)));

        double steadyShare = share(steady, flow(Flow.EMERGENCY_REQUEST));
        double surgeShare = share(surge, flow(Flow.EMERGENCY_REQUEST));
        assertThat(surgeShare).isGreaterThan(3 * steadyShare);
        assertThat(quantile(dispatchMinutes(surge), 0.95)).isGreaterThan(30.0);
    }

    @Test
    void shouldHonourTheSharesOfDuplicatesAndLateEvents() {
        EventGenerator generator = generator(GeneratorSettings.defaults(6).withShares(0.05, 0.02, Duration.ofHours(3)));

        Set<Object> seenIds = new HashSet<>();
        Map<GeneratedEvent.Kind, Integer> kinds = new HashMap<>();
        for (int i = 0; i < 20_000; i++) {
            clock.advance(Duration.ofMillis(100));
            GeneratedEvent generated = generator.next();
            kinds.merge(generated.kind(), 1, Integer::sum);
            boolean seen = !seenIds.add(generated.event().eventId());
            switch (generated.kind()) {
                case DUPLICATE -> assertThat(seen).as("a duplicate repeats an earlier eventId").isTrue();
                case LATE -> {
                    assertThat(seen).isFalse();
                    assertThat(generated.event().occurredAt().toInstant())
                            .isEqualTo(clock.instant().minus(Duration.ofHours(3)).truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
                }
                case FRESH -> assertThat(seen).isFalse();
            }
        }

        assertThat(kinds.get(GeneratedEvent.Kind.DUPLICATE) / 20_000.0).isBetween(0.04, 0.06);
        assertThat(kinds.get(GeneratedEvent.Kind.LATE) / 20_000.0).isBetween(0.015, 0.025);
    }

    @Test
    void shouldRefuseSharesThatLeaveNoRoomForFreshEvents() {
        assertThatThrownBy(() -> GeneratorSettings.defaults(1).withShares(0.6, 0.5, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorSettings.defaults(1).withScenario(Scenario.CITY_OUTAGE, null))
                .hasMessageContaining("city");
    }

    private EventGenerator generator(GeneratorSettings settings) {
        return new EventGenerator(CATALOG, settings, clock);
    }

    private List<GeneratedEvent> generate(EventGenerator generator, int count, Duration step) {
        return generate(generator, count, step, clock);
    }

    private static List<GeneratedEvent> generate(EventGenerator generator, int count, Duration step, MutableClock clock) {
        List<GeneratedEvent> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            clock.advance(step);
            events.add(generator.next());
        }
        return events;
    }

    /** Without duplicates: what the processors count once de-duplicated. */
    private static List<EventEnvelope> events(List<GeneratedEvent> generated) {
        return generated.stream().filter(g -> g.kind() != GeneratedEvent.Kind.DUPLICATE)
                .map(GeneratedEvent::event).toList();
    }

    private static List<String> json(List<GeneratedEvent> generated) {
        return generated.stream().map(g -> new String(bytes(g.event()))).toList();
    }

    private static byte[] bytes(EventEnvelope event) {
        try {
            return Json.mapper().writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Predicate<EventEnvelope> flow(Flow flow) {
        return e -> e.payload() != null && e.payload().flow() == flow;
    }

    private static double share(List<EventEnvelope> events, Predicate<EventEnvelope> which) {
        return (double) events.stream().filter(which).count() / events.size();
    }

    private static double[] pensionDays(List<EventEnvelope> events) {
        return events.stream().filter(flow(Flow.PENSION_TRANSFER)).map(e -> (PensionTransfer) e.payload())
                .filter(p -> p.stage() == PensionTransfer.Stage.COMPLETED)
                .mapToDouble(PensionTransfer::completionDays).sorted().toArray();
    }

    private static double[] dispatchMinutes(List<EventEnvelope> events) {
        return events.stream().filter(flow(Flow.EMERGENCY_REQUEST)).map(e -> (EmergencyRequest) e.payload())
                .filter(EmergencyRequest::fulfilled)
                .mapToDouble(EmergencyRequest::dispatchMinutes).sorted().toArray();
    }

    static double quantile(double[] sorted, double q) {
        assertThat(sorted).isNotEmpty();
        double[] copy = Arrays.copyOf(sorted, sorted.length);
        Arrays.sort(copy);
        return copy[(int) Math.min(copy.length - 1, Math.floor(q * copy.length))];
    }

    static Map<String, Long> countBy(List<EventEnvelope> events, java.util.function.Function<EventEnvelope, String> key) {
        return events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }
}
