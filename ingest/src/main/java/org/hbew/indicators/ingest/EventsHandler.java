package org.hbew.indicators.ingest;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.eclipse.jetty.io.EndPoint;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.http.ApiError;
import org.hbew.indicators.http.JsonResponse;

/**
 * {@code POST /v1/events}: authenticate (401), check the media type and the content coding (415), take one of the
 * token's request places (429), read the body within its size (413) and time (408), decode it (gzip) and check it
 * is UTF-8 (400), split it into events (413 beyond the event limit), check the token's city against every event
 * (403), validate every event (400), take in-flight permits (429), write to Kafka, and answer 202 with the
 * eventIds only once Kafka has acknowledged every one of them (503 if it does not in time). Each step refuses the
 * request as a whole: an answer other than 202 means the sender must send the whole request again. The token's
 * place is held until Kafka has answered for the request's events.
 *
 * <p>The wait for Kafka does not hold a request thread: the answer is written when the acknowledgements
 * arrive, on the HTTP thread pool (never on the producer's I/O thread).
 */
final class EventsHandler implements Handler {

    /** The body of a 202. */
    record Accepted(int accepted, List<UUID> eventIds) {
    }

    private final BearerAuth auth;
    private final RequestsPerToken requestsPerToken;
    private final EventParser parser;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final int maxBodyBytes;
    private final int maxEventsPerRequest;
    private final Duration bodyReadTimeout;
    private final Executor responder;

    EventsHandler(BearerAuth auth, RequestsPerToken requestsPerToken, EventParser parser, EventPublisher publisher,
                  IngestMetrics metrics, IngestConfig config, Executor responder) {
        this.auth = auth;
        this.requestsPerToken = requestsPerToken;
        this.parser = parser;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxEventsPerRequest = config.maxEventsPerRequest();
        this.bodyReadTimeout = config.bodyReadTimeout();
        this.responder = responder;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        TokenStore.Principal principal = auth.authenticate(headers(ctx, Header.AUTHORIZATION));
        BodyFormat format = BodyFormat.of(headers(ctx, Header.CONTENT_TYPE));
        BodyEncoding encoding = BodyEncoding.of(headers(ctx, Header.CONTENT_ENCODING));
        RequestsPerToken.Permit permit = requestsPerToken.acquire(principal);
        boolean handedToKafka = false;
        try {
            BodyDeadline deadline = BodyDeadline.start(bodyReadTimeout,
                    (EndPoint) ctx.req().getAttribute(BodyDeadline.END_POINT_ATTRIBUTE));
            byte[] sent = BoundedBody.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(), maxBodyBytes,
                    deadline);
            List<PostedEvent> posted = BodySplitter.split(encoding.decode(sent, maxBodyBytes), format,
                    maxEventsPerRequest);
            List<String> cities = posted.stream().map(PostedEvent::claimedCity).toList();
            try {
                auth.authorize(principal, posted);
                List<EventEnvelope> events = EventBatch.validate(posted, parser);
                CompletableFuture<Void> acknowledged = publisher.publish(events);
                acknowledged.whenComplete((ok, failure) -> permit.release());
                handedToKafka = true;
                ctx.future(() -> acknowledged.handleAsync((ok, failure) -> {
                    answer(ctx, events, cities, failure);
                    return null;
                }, responder));
            } catch (ApiError e) {
                IngestMetrics.Result result = IngestMetrics.Result.of(e);
                if (result != null) {
                    metrics.countEvents(cities, result);
                }
                throw e;
            }
        } finally {
            if (!handedToKafka) {
                permit.release();
            }
        }
    }

    private static List<String> headers(Context ctx, String name) {
        return Collections.list(ctx.req().getHeaders(name));
    }

    private void answer(Context ctx, List<EventEnvelope> events, List<String> cities, Throwable failure) {
        if (failure == null) {
            metrics.countEvents(cities, IngestMetrics.Result.ACCEPTED);
            JsonResponse.send(ctx, 202, new Accepted(events.size(),
                    events.stream().map(EventEnvelope::eventId).toList()));
        } else {
            metrics.countEvents(cities, IngestMetrics.Result.UNAVAILABLE);
            IngestErrors.RESPONSES.write(ctx, IngestErrors.kafkaUnavailable("Kafka did not acknowledge all "
                    + events.size() + " events in time; some may have been written. Send the same events again "
                    + "with the same eventIds after the Retry-After delay; duplicates are removed downstream"));
        }
    }
}
