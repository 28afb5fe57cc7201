package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whatever the query parameters, a server whose stores cannot be read answers every route without a fault:
 * a 2xx, a 4xx naming the parameter, or the 503 with Retry-After of stores not readable yet, and never logs a
 * stack trace for it. {@link HostileQueries} draws {@value #TRIES} requests; {@code QueryParamsPropertyIT}
 * sends the same kind to running instances on a real broker, where every valid read answers 200.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryParamsPropertyTest {

    private static final int TRIES = 700;

    private UnstartedQueryServer server;
    private RawHttp http;
    private CapturedLog log;
    private final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    private final Set<String> routesAsked = ConcurrentHashMap.newKeySet();

    @BeforeAll
    void startServer() {
        server = new UnstartedQueryServer();
        http = new RawHttp(server.port());
        log = CapturedLog.ofThreads(UnstartedQueryServer.HTTP_THREADS);
    }

    @AfterAll
    void stopServerAndCheckTheRequestsReachedEveryRouteAndBothSidesOfTheChecks() {
        log.close();
        server.close();
        System.out.println("Statuses of " + TRIES + " generated queries: " + new TreeMap<>(statuses));
        assertThat(routesAsked).containsExactlyInAnyOrderElementsOf(HostileQueries.routes());
        assertThat(statuses).containsKeys(200, 400, 503);
    }

    static Stream<HostileQueries.Request> requests() {
        return HostileQueries.requests(HostileQueries.SEED, TRIES, Instant.now(), UnstartedQueryServer.PARTITIONS);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("requests")
    void shouldNeverAnswerAQueryWithAServerFault(HostileQueries.Request request) {
        log.clear();

        RawHttp.Answer answer = http.get(request.target());

        statuses.merge(answer.status(), 1, Integer::sum);
        routesAsked.add(request.route());
        HostileQueries.assertAnsweredWithoutFault(request, answer, true);
        assertThat(log.events()).as("log lines of %s", request).hasSizeLessThanOrEqualTo(1)
                .allSatisfy(event -> assertThat(event.getThrown()).as(request.toString()).isNull());
    }
}
