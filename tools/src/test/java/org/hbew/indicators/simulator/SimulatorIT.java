package org.hbew.indicators.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.event.ParseResult;
import org.hbew.indicators.event.ValidationPolicy;
import org.hbew.indicators.testing.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The simulator embedded as standalone runs it, against a real ingest gateway and broker, each city
 * posting with its own token: everything it counts as accepted is on hbew.events.raw.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SimulatorIT {

    private static final Map<String, String> TOKENS = Map.of("hohhot", "t-hohhot", "baotou", "t-baotou",
            "ordos", "t-ordos", "ulanqab", "t-ulanqab", "admin", "t-admin");

    private static TestStack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.withIngest(TOKENS);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldPutEveryAcceptedEventOnTheRawTopic() {
        // Given a simulator at 200 events/s with 5% duplicates and 2% late events
        SimulatorConfig config = SimulatorConfig.of(stack.ingestUrl(), TOKENS, 200,
                GeneratorSettings.defaults(42).withShares(0.05, 0.02, Duration.ofHours(3)));
        int before = stack.readRaw().size();
        SimulatorStats stats;
        try (Simulator simulator = new Simulator(config, CatalogLoader.loadDefault())) {
            // When it runs for a few seconds
            simulator.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> simulator.stats().accepted() >= 600);
            simulator.close();
            stats = simulator.stats();
        }

        // Then ingest took everything it sent, and exactly that is on the topic
        assertThat(stats.rejected()).isZero();
        assertThat(stats.failed()).isZero();
        assertThat(stats.accepted()).isEqualTo(stats.sent());
        assertThat(stats.duplicates()).isPositive();
        assertThat(stats.late()).isPositive();
        assertThat(stats.sentByCity()).containsOnlyKeys("hohhot", "baotou", "ordos", "ulanqab");
        List<ConsumerRecord<String, byte[]>> all = stack.readRaw();
        assertThat((long) all.size() - before).isEqualTo(stats.accepted());
        List<ConsumerRecord<String, byte[]>> records = all.subList(before, all.size());
        List<EventEnvelope> events = events(records);
        assertThat(events).extracting(EventEnvelope::city).containsOnly("hohhot", "baotou", "ordos", "ulanqab")
                .contains("hohhot", "baotou", "ordos", "ulanqab");
        assertThat(records).extracting(ConsumerRecord::key)
                .containsExactlyElementsOf(events.stream().map(EventEnvelope::rawKey).toList());
    }

    @Test
    void shouldSilenceACityWhenTheScenarioSwitchesWhileRunning() {
        // Given a simulator running steady
        SimulatorConfig config = SimulatorConfig.of(stack.ingestUrl(), TOKENS, 100, GeneratorSettings.defaults(7));
        Instant switchedAt;
        Instant closedAt;
        try (Simulator simulator = new Simulator(config, CatalogLoader.loadDefault())) {
            simulator.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> simulator.stats().sentByCity().getOrDefault("ordos", 0L) > 0);

            // When Ordos falls silent while it runs
            simulator.switchScenario(Scenario.CITY_OUTAGE, "ordos");
            switchedAt = Instant.now();
            long sentAtSwitch = simulator.stats().sent();
            await().atMost(Duration.ofSeconds(30)).until(() -> simulator.stats().sent() > sentAtSwitch + 300);
            assertThat(simulator.scenario()).isEqualTo(Scenario.CITY_OUTAGE);
            simulator.close();
            closedAt = Instant.now();
        }

        // Then no event of Ordos happened after the switch, and the other cities went on
        List<EventEnvelope> afterSwitch = events(stack.readRaw()).stream()
                .filter(e -> e.occurredAt().toInstant().isAfter(switchedAt)
                        && !e.occurredAt().toInstant().isAfter(closedAt))
                .toList();
        assertThat(afterSwitch).extracting(EventEnvelope::city).doesNotContain("ordos")
                .contains("hohhot", "baotou", "ulanqab");
    }

    private static List<EventEnvelope> events(List<ConsumerRecord<String, byte[]>> records) {
        EventParser parser = new EventParser(CatalogLoader.loadDefault(), ValidationPolicy.withoutTimeBounds(),
                Clock.systemUTC());
        return records.stream().map(r -> ((ParseResult.Valid) parser.parse(r.value())).event()).toList();
    }
}
