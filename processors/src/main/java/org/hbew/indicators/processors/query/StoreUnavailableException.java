package org.hbew.indicators.processors.query;

/**
 * A store, or the instance that holds it, cannot answer now: Kafka Streams is rebalancing or restoring,
 * the key moved, or the instance did not answer. Answered 503 with Retry-After; never a fault of ours,
 * so it carries no stack trace.
 */
final class StoreUnavailableException extends RuntimeException {

    StoreUnavailableException(String message) {
        super(message, null, false, false);
    }
}
