package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.json.JsonSerde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A city's valid token used to stall the gateway: a few hundred connections each sending its body a byte at a
 * time held every HTTP thread, and {@code /healthz} and other cities' posts went unanswered. Here, on real sockets
 * against a real gateway and broker: while one token floods, the probes and another city are answered; the
 * flooding token gets 429 beyond its share; and a body still trickling in at its deadline is answered 408.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SlowSendersIT {

    private static final String ORDOS_TOKEN = "ordos-token-for-tests";
    private static final String HOHHOT_TOKEN = "hohhot-token-for-tests";
    private static final TokenStore TOKENS = TokenStore.of(Map.of("ordos", ORDOS_TOKEN, "hohhot", HOHHOT_TOKEN));
    /** More connections than the gateway has HTTP threads by default (250), as in the issue. */
    private static final int FLOOD = 260;
    private static final int PER_TOKEN = 8;
    private static final Duration BETWEEN_BYTES = Duration.ofMillis(300);

    private static TestKafka kafka;

    @BeforeAll
    static void startKafka() {
        kafka = TestKafka.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldAnswerProbesAndOtherCitiesWhileOneTokenFloodsWithSlowBodies() throws Exception {
        try (IngestGateway gateway = gateway(Duration.ofMinutes(2)); Flood flood = new Flood(gateway.port(), FLOOD)) {
            flood.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> flood.rounds() >= 5);

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            UUID hohhotEvent = UUID.randomUUID();
            HttpResponse<String> health = client.send(request(gateway, "/healthz").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> ready = client.send(request(gateway, "/readyz").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> post = client.send(request(gateway, "/v1/events")
                    .header("Authorization", "Bearer " + HOHHOT_TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(TestEvents.valid("hohhot", hohhotEvent).toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(post.statusCode()).as(post.body()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> flood.answered() >= FLOOD - PER_TOKEN);
            assertThat(flood.statuses()).as("answers to the flood").containsOnly(429);
            assertThat(flood.answers()).allSatisfy(answer -> assertThat(answer)
                    .contains("Retry-After: 1").contains("\"error\":\"too_many_requests\""));
            assertThat(flood.answered()).as("requests of the flood held, each in its share").isEqualTo(FLOOD - PER_TOKEN);
            assertThat(kafka.readRaw()).extracting(r -> JsonSerde.of(EventEnvelope.class).fromBytes(r.value()).eventId())
                    .contains(hohhotEvent);
        }
    }

    @Test
    void shouldAnswer408ToABodyStillTricklingInAtItsDeadlineAndFreeTheTokensPlace() throws Exception {
        try (IngestGateway gateway = new IngestGateway(IngestConfig.builder(kafka.bootstrapServers(), TOKENS)
                .host("127.0.0.1")
                .port(0)
                .bodyReadTimeout(Duration.ofSeconds(2))
                .maxConcurrentRequestsPerToken(1)
                .build(), CatalogLoader.loadDefault());
             Flood trickle = new Flood(startAndPort(gateway), 1)) {
            trickle.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> trickle.answered() == 1);

            assertThat(trickle.statuses()).containsExactly(408);
            assertThat(trickle.answers().get(0)).contains("Connection: close").contains("\"error\":\"body_timeout\"")
                    .contains("within 2s");
            HttpTestClient http = new HttpTestClient(gateway.port());
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    http.post(ORDOS_TOKEN, "application/json", TestEvents.valid("ordos").toString()).status())
                    .isEqualTo(202));
        }
    }

    private static IngestGateway gateway(Duration bodyReadTimeout) {
        IngestGateway gateway = new IngestGateway(IngestConfig.builder(kafka.bootstrapServers(), TOKENS)
                .host("127.0.0.1")
                .port(0)
                .bodyReadTimeout(bodyReadTimeout)
                .maxConcurrentRequestsPerToken(PER_TOKEN)
                .build(), CatalogLoader.loadDefault());
        gateway.start();
        return gateway;
    }

    private static int startAndPort(IngestGateway gateway) {
        gateway.start();
        return gateway.port();
    }

    private static HttpRequest.Builder request(IngestGateway gateway, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + path))
                .timeout(Duration.ofSeconds(15));
    }

    /**
     * Connections of Ordos's token, each declaring a body of 10,000 bytes and sending one byte of it every
     * {@link #BETWEEN_BYTES}, never idle long enough for an idle timeout; one thread writes for all of them and
     * collects the answer of every connection the gateway answers.
     */
    private static final class Flood implements AutoCloseable {
        private final List<Socket> sockets = new ArrayList<>();
        private final List<String> answers = new ArrayList<>();
        private final AtomicInteger rounds = new AtomicInteger();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final Thread writer;

        Flood(int port, int connections) throws IOException {
            String head = "POST /v1/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + ORDOS_TOKEN
                    + "\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n";
            for (int i = 0; i < connections; i++) {
                Socket socket = new Socket("127.0.0.1", port);
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                sockets.add(socket);
            }
            writer = new Thread(this::dribble, "slow-sender");
            writer.setDaemon(true);
        }

        void start() {
            writer.start();
        }

        private void dribble() {
            List<Socket> open = new ArrayList<>(sockets);
            while (running.get() && !open.isEmpty()) {
                for (Socket socket : List.copyOf(open)) {
                    try {
                        InputStream in = socket.getInputStream();
                        if (in.available() > 0) {
                            record(readAnswer(in));
                            open.remove(socket);
                            continue;
                        }
                        OutputStream out = socket.getOutputStream();
                        out.write(' ');
                        out.flush();
                    } catch (IOException e) {
                        open.remove(socket);
                    }
                }
                rounds.incrementAndGet();
                try {
                    Thread.sleep(BETWEEN_BYTES.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The status line, headers and JSON body of one answer (the gateway's answers are small). */
        private static String readAnswer(InputStream in) throws IOException {
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                int b;
                try {
                    b = in.read();
                } catch (IOException e) {
                    break;
                }
                if (b < 0) {
                    break;
                }
                answer.write(b);
                String text = answer.toString(StandardCharsets.UTF_8);
                if (text.endsWith("}") && text.contains("\r\n\r\n{")) {
                    break;
                }
            }
            return answer.toString(StandardCharsets.UTF_8);
        }

        private synchronized void record(String answer) {
            answers.add(answer);
        }

        int rounds() {
            return rounds.get();
        }

        synchronized int answered() {
            return answers.size();
        }

        synchronized List<String> answers() {
            return List.copyOf(answers);
        }

        synchronized List<Integer> statuses() {
            return answers.stream().map(a -> a.length() < 12 ? -1 : Integer.parseInt(a.substring(9, 12))).toList();
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            writer.interrupt();
            writer.join(10_000);
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }
}
