package org.hbew.indicators.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.hbew.indicators.ingestclient.IngestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts prepared NDJSON batches to {@code POST /v1/events} from a number of client threads with the JDK
 * HttpClient (HTTP/1.1, pooled connections), each thread taking the next batch as soon as its previous one was
 * answered: a closed loop, so the rate is what the gateway sustains, not what the clients offer. Answers 429 and
 * 503 are retried after their Retry-After like a real sender would; the latency of 202 answers is recorded.
 *
 * <p>The clients run on the same cores as the gateway, so the rate is a lower bound of what the gateway
 * would sustain for remote senders. Bodies of 202 answers (the eventIds) are read and dropped.
 */
final class HttpLoad {

    private static final Logger log = LoggerFactory.getLogger(HttpLoad.class);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(1);
    private static final int MAX_ATTEMPTS = 10;

    /** What became of the batches. {@code nanos} runs from the first request until the last answer. */
    record Result(long accepted, long failed, long requests, long retries, long nanos,
                  BenchReport.Latencies latency) {
    }

    private final HttpClient http;
    private final URI eventsUri;

    HttpLoad(URI ingestUrl) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.eventsUri = URI.create(ingestUrl.toString().replaceAll("/+$", "") + IngestClient.EVENTS_PATH);
    }

    /**
     * Posts every batch, or as many as fit into {@code limit} (null: no limit), with {@code clients} threads.
     */
    Result run(List<PostBatch> batches, int clients, Duration limit) throws InterruptedException {
        Counters counters = new Counters();
        AtomicInteger next = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients, daemonThreads());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                workers.add(pool.submit(() -> {
                    go.await();
                    long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
                    for (int b = next.getAndIncrement(); b < batches.size() && System.nanoTime() < deadline;
                         b = next.getAndIncrement()) {
                        post(batches.get(b), counters);
                    }
                    return null;
                }));
            }
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> worker : workers) {
                join(worker);
            }
            long nanos = System.nanoTime() - start;
            return new Result(counters.accepted.sum(), counters.failed.sum(), counters.requests.sum(),
                    counters.retries.sum(), nanos, counters.latency.summary());
        } finally {
            pool.shutdownNow();
        }
    }

    private void post(PostBatch batch, Counters counters) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(eventsUri)
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + batch.token())
                .header("Content-Type", IngestClient.NDJSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(batch.body()))
                .build();
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            counters.requests.increment();
            long sent = System.nanoTime();
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpLoad::bodyOnlyIfRefused);
            } catch (IOException e) {
                counters.retries.increment();
                counters.warnOnce("no answer from " + eventsUri + ": " + e);
                Thread.sleep(DEFAULT_RETRY_AFTER.toMillis());
                continue;
            }
            int status = response.statusCode();
            if (status == 202) {
                counters.latency.record(System.nanoTime() - sent);
                counters.accepted.add(batch.events());
                return;
            }
            if (status != 429 && status != 503) {
                counters.failed.add(batch.events());
                counters.warnOnce("ingest answered " + status + ": " + response.body());
                return;
            }
            counters.retries.increment();
            Thread.sleep(retryAfter(response).toMillis());
        }
        counters.failed.add(batch.events());
        counters.warnOnce("a batch was still refused after " + MAX_ATTEMPTS + " attempts");
    }

    /** Reads the body only when it explains a refusal; a 202's list of eventIds is skipped. */
    private static HttpResponse.BodySubscriber<String> bodyOnlyIfRefused(HttpResponse.ResponseInfo info) {
        return info.statusCode() == 202
                ? HttpResponse.BodySubscribers.replacing("")
                : HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After")
                .filter(v -> v.strip().matches("\\d{1,4}"))
                .map(v -> Duration.ofSeconds(Long.parseLong(v.strip())))
                .orElse(DEFAULT_RETRY_AFTER);
    }

    private static void join(Future<?> worker) throws InterruptedException {
        try {
            worker.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client thread failed: " + e.getCause(), e.getCause());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "hbew-bench-client-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class Counters {
        final LongAdder accepted = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder requests = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LatencyRecorder latency = new LatencyRecorder();
        private final AtomicBoolean warned = new AtomicBoolean();

        void warnOnce(String what) {
            if (warned.compareAndSet(false, true)) {
                log.warn("Benchmark client: {}; further problems are only counted", what);
            }
        }
    }
}
