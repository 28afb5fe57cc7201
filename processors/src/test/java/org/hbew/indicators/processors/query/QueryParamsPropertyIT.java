package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.processors.ProcessorsApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the query parameters, two running processor instances on a real broker answer every route with a
 * 2xx or a 4xx naming the parameter, never a 5xx: valid values read real stores (this instance's or, through
 * {@code /v1/internal/*}, the other's), boundary values and random text are refused before any read. The one
 * 503 allowed is an internal read of a partition the instance asked does not hold. The requests come from
 * {@link HostileQueries}, {@value #TRIES} of them, alternately to each instance.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class QueryParamsPropertyIT {

    private static final int TRIES = 400;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final List<String> CITIES = List.of("hohhot", "baotou", "ordos", "ulanqab");

    private QueryTestKafka kafka;
    private ProcessorsApp first;
    private ProcessorsApp second;
    private List<RawHttp> instances;
    private final AtomicInteger sent = new AtomicInteger();
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final Set<String> routesAsked = ConcurrentHashMap.newKeySet();

    @BeforeAll
    void startTwoInstancesWithData() {
        kafka = new QueryTestKafka();
        String appId = "hbew-query-property-it-" + UUID.randomUUID();
        first = kafka.processors(appId, "first", 0);
        second = kafka.processors(appId, "second", 0);
        assertThat(first.awaitRunning(PATIENCE)).as("first instance RUNNING").isTrue();
        assertThat(second.awaitRunning(PATIENCE)).as("second instance RUNNING").isTrue();
        await("both instances run active tasks").atMost(PATIENCE).until(() ->
                hasActiveTasks(first) && hasActiveTasks(second));
        instances = List.of(new RawHttp(first.httpPort()), new RawHttp(second.httpPort()));

        OffsetDateTime at = OffsetDateTime.now(TestEvents.CST).truncatedTo(ChronoUnit.SECONDS);
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < CITIES.size(); i++) {
            events.add(TestEvents.plain(CITIES.get(i), 2, "road_km_opened", 1.5 * (i + 1), "km", at));
            events.add(TestEvents.settlement(CITIES.get(i), CITIES.get(i), CITIES.get((i + 1) % 4), 100, true, at));
        }
        kafka.send(events.toArray(EventEnvelope[]::new));
        HttpProbe probe = new HttpProbe(first.httpPort());
        await("every event counted and readable from both instances").atMost(PATIENCE).untilAsserted(() -> {
            HttpProbe.Answer accounting = probe.get("/v1/accounting");
            assertThat(accounting.status()).isEqualTo(200);
            assertThat(accounting.json().get("counted").asLong()).isEqualTo(events.size());
            assertThat(new HttpProbe(second.httpPort()).get("/v1/status").status()).isEqualTo(200);
        });
    }

    @AfterAll
    void stopAndCheckTheRequestsReachedEveryRouteAndBothSidesOfTheChecks() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        System.out.println("Statuses of " + TRIES + " generated queries to two running instances: "
                + new TreeMap<>(statuses));
        assertThat(routesAsked).containsExactlyInAnyOrderElementsOf(HostileQueries.routes());
        assertThat(statuses).containsKeys(200, 400);
    }

    Stream<HostileQueries.Request> requests() {
        return HostileQueries.requests(HostileQueries.SEED, TRIES, Instant.now(), QueryTestKafka.PARTITIONS);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("requests")
    void shouldAnswerEveryQueryWithA2xxOrA4xx(HostileQueries.Request request) {
        RawHttp http = instances.get(sent.getAndIncrement() % instances.size());

        RawHttp.Answer answer = http.get(request.target());

        statuses.merge(answer.status(), 1, Integer::sum);
        routesAsked.add(request.route());
        HostileQueries.assertAnsweredWithoutFault(request, answer, asksForOnePartition(request));
        if (answer.status() == 503) {
            assertThat(answer.json().get("message").asText()).as(request.toString())
                    .contains("is not queryable on this instance");
        }
    }

    /**
     * Whether the request names one partition to read from the instance asked, which answers 503 when that
     * partition is not its own: how an instance tells another to try elsewhere (see {@link Router}).
     */
    private static boolean asksForOnePartition(HostileQueries.Request request) {
        return request.route().equals(InternalRoutes.CITY_HISTORY) || request.route().equals(InternalRoutes.REGION);
    }

    private static boolean hasActiveTasks(ProcessorsApp app) {
        return app.streams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty());
    }
}
