package org.hbew.indicators.ingest;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.Header;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.http.ApiError;
import org.hbew.indicators.http.JsonResponse;

/**
 * {@code POST /v1/events}: authenticate (401), check the media type (415) and the size (413), split the body into
 * events (413 beyond the event limit), check the token's city against every event (403), validate every event
 * (400), take in-flight permits (429), write to Kafka, and answer 202 with the eventIds only once Kafka has
 * acknowledged every one of them (503 if it does not in time). Each step refuses the request as a whole: an
 * answer other than 202 means the sender must send the whole request again.
 *
 * <p>The wait for Kafka does not hold a request thread: the answer is written when the acknowledgements
 * arrive, on the HTTP thread pool (never on the producer's I/O thread).
 */
final class EventsHandler implements Handler {

    /** The body of a 202. */
    record Accepted(int accepted, List<UUID> eventIds) {
    }

    private final BearerAuth auth;
    private final EventParser parser;
    private final EventPublisher publisher;
    private final IngestMetrics metrics;
    private final int maxBodyBytes;
    private final int maxEventsPerRequest;
    private final Executor responder;

    EventsHandler(BearerAuth auth, EventParser parser, EventPublisher publisher, IngestMetrics metrics,
                  IngestConfig config, Executor responder) {
        this.auth = auth;
        this.parser = parser;
        this.publisher = publisher;
        this.metrics = metrics;
        this.maxBodyBytes = config.maxBodyBytes();
        this.maxEventsPerRequest = config.maxEventsPerRequest();
        this.responder = responder;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        TokenStore.Principal principal = auth.authenticate(ctx.header(Header.AUTHORIZATION));
        BodyFormat format = BodyFormat.of(ctx.header(Header.CONTENT_TYPE));
        byte[] body = BoundedBody.read(ctx.req().getInputStream(), ctx.req().getContentLengthLong(), maxBodyBytes);
        List<PostedEvent> posted = BodySplitter.split(body, format, maxEventsPerRequest);
        List<String> cities = posted.stream().map(PostedEvent::claimedCity).toList();
        try {
            BearerAuth.authorize(principal, posted);
            List<EventEnvelope> events = EventBatch.validate(posted, parser);
            CompletableFuture<Void> acknowledged = publisher.publish(events);
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
