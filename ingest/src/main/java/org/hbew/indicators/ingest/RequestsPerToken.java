package org.hbew.indicators.ingest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How many requests each token has open at once: from the moment its token is known until Kafka has answered for
 * its events (or the request was refused). A request beyond the token's share is refused at once with 429,
 * before its body is read, so a sender that opens hundreds of slow connections holds at most its share of the
 * HTTP threads, and the other cities and the probes keep theirs.
 */
final class RequestsPerToken {

    /** A request's place among its token's; released once, whoever calls first. */
    static final class Permit {
        private final Semaphore owner;
        private final AtomicBoolean released = new AtomicBoolean();

        private Permit(Semaphore owner) {
            this.owner = owner;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                owner.release();
            }
        }
    }

    private final int maxPerToken;
    private final Map<String, Semaphore> open = new ConcurrentHashMap<>();

    RequestsPerToken(int maxPerToken) {
        this.maxPerToken = maxPerToken;
    }

    /** @throws org.hbew.indicators.http.ApiError 429 with Retry-After when the token has its share open already */
    Permit acquire(TokenStore.Principal principal) {
        Semaphore semaphore = open.computeIfAbsent(principal.name(), name -> new Semaphore(maxPerToken));
        if (!semaphore.tryAcquire()) {
            throw IngestErrors.tooManyConcurrentRequests(principal.name(), maxPerToken);
        }
        return new Permit(semaphore);
    }

    /** Requests of this principal open now. */
    int open(TokenStore.Principal principal) {
        Semaphore semaphore = open.get(principal.name());
        return semaphore == null ? 0 : maxPerToken - semaphore.availablePermits();
    }
}
