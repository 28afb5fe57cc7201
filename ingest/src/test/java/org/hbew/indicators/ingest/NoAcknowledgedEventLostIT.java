package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.JsonSerde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The promise of the 202: an event the gateway acknowledged is on {@code hbew.events.raw}, even when the broker
 * goes away and comes back in the middle of the traffic. Clients behave as the contract asks: on 429 or 503
 * they send the same batch again, with the same eventIds, until it is accepted.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class NoAcknowledgedEventLostIT {

    private static final Logger log = LoggerFactory.getLogger(NoAcknowledgedEventLostIT.class);

    private static final String TOKEN = "admin-token-for-tests";
    private static final List<String> CITIES = List.of("hohhot", "baotou", "ordos", "ulanqab");
    private static final int EVENTS = 2_000;
    private static final int BATCH = 25;
    private static final int CLIENTS = 4;
    /** Spreads the traffic over a few seconds, so that the outage falls into its middle. */
    private static final Duration PAUSE_BETWEEN_BATCHES = Duration.ofMillis(200);
    /** Honour Retry-After, but not longer than this: the test should not idle. */
    private static final Duration MAX_RETRY_PAUSE = Duration.ofSeconds(2);

    private TestKafka kafka;
    private IngestGateway gateway;
    private ExecutorService clients;

    private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
    private final AtomicInteger acknowledgedCount = new AtomicInteger();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();
    private final AtomicInteger connectionFailures = new AtomicInteger();
    private final List<Integer> unexpected = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        kafka = TestKafka.start();
        gateway = new IngestGateway(IngestConfig.builder(kafka.bootstrapServers(),
                TokenStore.of(Map.of("admin", TOKEN))).host("127.0.0.1").port(0).build(), CatalogLoader.loadDefault());
        gateway.start();
        clients = Executors.newFixedThreadPool(CLIENTS);
    }

    @AfterEach
    void stop() throws InterruptedException {
        clients.shutdownNow();
        clients.awaitTermination(30, TimeUnit.SECONDS);
        gateway.close();
        kafka.close();
    }

    @Test
    void shouldHaveEveryAcknowledgedEventOnTheRawTopicAfterABrokerRestart() throws Exception {
        ConcurrentLinkedQueue<List<ObjectNode>> batches = batches();
        HttpTestClient http = new HttpTestClient(gateway.port());
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            running.add(clients.submit(() -> postAll(http, batches)));
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> acknowledgedCount.get() >= EVENTS / 4);
        kafka.stop();
        await().atMost(Duration.ofSeconds(60)).until(() -> unavailable.get() > 0);
        kafka.restart();
        for (Future<?> client : running) {
            client.get(3, TimeUnit.MINUTES);
        }

        List<UUID> onTopic = kafka.readRaw().stream()
                .map(r -> JsonSerde.of(EventEnvelope.class).fromBytes(r.value()).eventId())
                .toList();
        Set<UUID> distinctOnTopic = new HashSet<>(onTopic);
        log.info("{} events acknowledged; answers 503: {}, 429: {}, connection failures: {}; {} records on "
                        + "hbew.events.raw for {} distinct eventIds, so {} duplicates from resent batches",
                acknowledgedCount.get(), unavailable.get(), throttled.get(), connectionFailures.get(),
                onTopic.size(), distinctOnTopic.size(), onTopic.size() - distinctOnTopic.size());

        assertThat(unexpected).as("answers other than 202, 429 and 503").isEmpty();
        assertThat(unavailable.get()).as("requests answered 503 during the outage").isPositive();
        assertThat(acknowledged).as("distinct acknowledged eventIds").hasSize(acknowledgedCount.get());
        assertThat(acknowledged).as("every batch was acknowledged in the end").hasSize(EVENTS);
        assertThat(distinctOnTopic).as("eventIds on hbew.events.raw").containsAll(acknowledged);
        assertThat(distinctOnTopic).as("exactly the acknowledged eventIds").hasSameSizeAs(acknowledged);
    }

    private void postAll(HttpTestClient http, ConcurrentLinkedQueue<List<ObjectNode>> batches) {
        List<ObjectNode> batch;
        while ((batch = batches.poll()) != null) {
            String body = TestEvents.ndjson(batch);
            boolean accepted = postOnce(http, body);
            while (!accepted) {
                accepted = postOnce(http, body);
            }
            pause(PAUSE_BETWEEN_BATCHES);
        }
    }

    /** @return whether the batch is acknowledged */
    private boolean postOnce(HttpTestClient http, String body) {
        HttpTestClient.Answer answer;
        try {
            answer = http.post(TOKEN, "application/x-ndjson", body);
        } catch (UncheckedIOException e) {
            connectionFailures.incrementAndGet();
            pause(MAX_RETRY_PAUSE);
            return false;
        }
        switch (answer.status()) {
            case 202 -> {
                answer.json().get("eventIds").forEach(id -> {
                    acknowledged.add(UUID.fromString(id.asText()));
                    acknowledgedCount.incrementAndGet();
                });
                return true;
            }
            case 429, 503 -> {
                (answer.status() == 429 ? throttled : unavailable).incrementAndGet();
                long seconds = answer.header("Retry-After").map(Long::parseLong).orElse(1L);
                pause(Duration.ofSeconds(seconds).compareTo(MAX_RETRY_PAUSE) < 0
                        ? Duration.ofSeconds(seconds) : MAX_RETRY_PAUSE);
                return false;
            }
            default -> {
                unexpected.add(answer.status());
                return true;
            }
        }
    }

    private static ConcurrentLinkedQueue<List<ObjectNode>> batches() {
        ConcurrentLinkedQueue<List<ObjectNode>> batches = new ConcurrentLinkedQueue<>();
        for (int start = 0; start < EVENTS; start += BATCH) {
            batches.add(IntStream.range(start, start + BATCH)
                    .mapToObj(i -> TestEvents.valid(CITIES.get(i % CITIES.size())))
                    .toList());
        }
        return batches;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
