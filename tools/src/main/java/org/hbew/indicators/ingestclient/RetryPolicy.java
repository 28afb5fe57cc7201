package org.hbew.indicators.ingestclient;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to keep trying when ingest answers 429 or 503 (or does not answer): its {@code Retry-After}
 * when it gives one, otherwise an exponential backoff, both capped by {@code maxDelay}.
 *
 * @param maxAttempts attempts in all, the first one included
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxDelay) {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
    }

    /** About two minutes of retries: enough for a broker restart, short enough to notice an outage. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(12, Duration.ofMillis(250), Duration.ofSeconds(15));
    }

    /** The wait before attempt {@code attempt + 1}, after attempt {@code attempt} (1-based) failed. */
    public Duration delay(int attempt, Duration retryAfter) {
        if (retryAfter != null) {
            return retryAfter.compareTo(maxDelay) > 0 ? maxDelay : retryAfter;
        }
        long millis = initialBackoff.toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, maxDelay.toMillis()));
    }
}
