package org.hbew.indicators.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hbew.indicators.ingestclient.RetryPolicy;

/**
 * Settings of an embedded {@link Simulator}.
 *
 * @param ingestUrl      base URL of the ingest gateway, e.g. {@code http://localhost:8080}
 * @param tokens         bearer tokens by principal as in {@code tokens.properties}: a city's own token is used
 *                       for its events, the {@code admin} token for a city that has none
 * @param rate           events per second over all cities
 * @param maxBatchSize   most events in one request
 * @param requestTimeout how long one request may take
 */
public record SimulatorConfig(
        URI ingestUrl,
        Map<String, String> tokens,
        double rate,
        GeneratorSettings generator,
        int maxBatchSize,
        Duration requestTimeout,
        RetryPolicy retry) {

    public static final String ADMIN = "admin";
    public static final int DEFAULT_MAX_BATCH_SIZE = 500;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public SimulatorConfig {
        Objects.requireNonNull(ingestUrl, "ingestUrl");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retry, "retry");
        tokens = Map.copyOf(tokens);
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a positive number of events per second, got " + rate);
        }
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + maxBatchSize);
        }
    }

    /** Default batch size, timeout and retries. */
    public static SimulatorConfig of(URI ingestUrl, Map<String, String> tokens, double rate, GeneratorSettings generator) {
        return new SimulatorConfig(ingestUrl, tokens, rate, generator, DEFAULT_MAX_BATCH_SIZE, DEFAULT_REQUEST_TIMEOUT,
                RetryPolicy.defaults());
    }

    /** The token a city's events are posted with: its own, else the admin token. */
    public Optional<String> tokenFor(String city) {
        return Optional.ofNullable(tokens.get(city)).or(() -> Optional.ofNullable(tokens.get(ADMIN)));
    }

    /** Without the tokens, which are secrets. */
    @Override
    public String toString() {
        return "SimulatorConfig[ingestUrl=" + ingestUrl + ", principals=" + tokens.keySet() + ", rate=" + rate
                + ", generator=" + generator + ", maxBatchSize=" + maxBatchSize + ", requestTimeout=" + requestTimeout
                + ", retry=" + retry + "]";
    }
}
