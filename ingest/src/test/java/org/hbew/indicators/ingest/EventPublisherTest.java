package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.event.ParseResult;
import org.hbew.indicators.event.ValidationPolicy;
import org.hbew.indicators.http.ApiError;
import org.hbew.indicators.json.Json;
import org.hbew.indicators.kafka.Topics;
import org.junit.jupiter.api.Test;

class EventPublisherTest {

    private static final EventParser PARSER = new EventParser(CatalogLoader.loadDefault(),
            ValidationPolicy.edgeDefaults(), Clock.systemUTC());

    private final MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
            new ByteArraySerializer());

    @Test
    void shouldWriteEachEventKeyedByItemAndCityWithItsCanonicalJsonAndEventTime() throws Exception {
        EventPublisher publisher = new EventPublisher(producer, 10, Duration.ofSeconds(5));
        EventEnvelope event = event("ordos");

        CompletableFuture<Void> acknowledged = publisher.publish(List.of(event));
        producer.completeNext();

        acknowledged.get(1, TimeUnit.SECONDS);
        ProducerRecord<String, byte[]> record = producer.history().get(0);
        assertThat(record.topic()).isEqualTo(Topics.RAW.name());
        assertThat(record.key()).isEqualTo("14:ordos").isEqualTo(event.rawKey());
        assertThat(record.timestamp()).isEqualTo(event.occurredAtMillis());
        assertThat(record.value()).isEqualTo(Json.mapper().writeValueAsBytes(event));
    }

    @Test
    void shouldCompleteOnlyWhenKafkaAcknowledgedEveryEvent() {
        EventPublisher publisher = new EventPublisher(producer, 10, Duration.ofSeconds(5));

        CompletableFuture<Void> acknowledged = publisher.publish(List.of(event("hohhot"), event("hohhot")));
        producer.completeNext();

        assertThat(acknowledged).isNotDone();
        producer.completeNext();
        assertThat(acknowledged).succeedsWithin(Duration.ofSeconds(1));
    }

    @Test
    void shouldFailWhenKafkaRefusesAnyEvent() {
        EventPublisher publisher = new EventPublisher(producer, 10, Duration.ofSeconds(5));

        CompletableFuture<Void> acknowledged = publisher.publish(List.of(event("hohhot"), event("hohhot")));
        producer.completeNext();
        producer.errorNext(new NotEnoughReplicasException("not enough replicas"));

        assertThat(acknowledged).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(NotEnoughReplicasException.class);
        assertThat(publisher.inFlight()).isZero();
    }

    @Test
    void shouldFailAfterTheSendTimeoutButKeepThePermitsUntilKafkaIsDone() {
        EventPublisher publisher = new EventPublisher(producer, 10, Duration.ofMillis(100));

        CompletableFuture<Void> acknowledged = publisher.publish(List.of(event("hohhot")));

        assertThat(acknowledged).failsWithin(Duration.ofSeconds(2))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(java.util.concurrent.TimeoutException.class);
        assertThat(publisher.inFlight()).isEqualTo(1);
        producer.completeNext();
        assertThat(publisher.inFlight()).isZero();
    }

    @Test
    void shouldAnswer429WhenTheEventsDoNotFitTheInFlightBound() {
        EventPublisher publisher = new EventPublisher(producer, 3, Duration.ofSeconds(5));
        publisher.publish(List.of(event("hohhot"), event("hohhot")));

        assertThatThrownBy(() -> publisher.publish(List.of(event("baotou"), event("baotou"))))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(429))
                .satisfies(e -> assertThat(e.retryAfter()).contains(IngestErrors.RETRY_AFTER_THROTTLED));
        assertThat(publisher.inFlight()).isEqualTo(2);
        assertThat(producer.history()).hasSize(2);

        producer.completeNext();
        producer.completeNext();
        assertThat(publisher.publish(List.of(event("baotou"), event("baotou"), event("baotou")))).isNotNull();
        assertThat(publisher.inFlight()).isEqualTo(3);
    }

    @Test
    void shouldReturnThePermitsOfEventsTheProducerRefusedSynchronously() {
        EventPublisher publisher = new EventPublisher(producer, 5, Duration.ofSeconds(5));
        producer.close();

        CompletableFuture<Void> acknowledged = publisher.publish(List.of(event("hohhot"), event("hohhot")));

        assertThat(acknowledged).isCompletedExceptionally();
        assertThat(publisher.inFlight()).isZero();
    }

    @Test
    void shouldStopHandingOverARequestOnceKafkaRefusesAnEventBeforeQueueingIt() {
        AtomicInteger sends = new AtomicInteger();
        MockProducer<String, byte[]> noMetadata = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
                sends.incrementAndGet();
                TimeoutException timeout = new TimeoutException("not present in metadata after 5000 ms");
                callback.onCompletion(null, timeout);
                return CompletableFuture.failedFuture(timeout);
            }
        };
        EventPublisher publisher = new EventPublisher(noMetadata, 5, Duration.ofSeconds(5));

        CompletableFuture<Void> acknowledged = publisher.publish(List.of(event("hohhot"), event("hohhot"),
                event("hohhot")));

        assertThat(acknowledged).isCompletedExceptionally();
        assertThat(sends).hasValue(1);
        assertThat(publisher.inFlight()).isZero();
    }

    private static EventEnvelope event(String city) {
        return ((ParseResult.Valid) PARSER.parse(TestEvents.valid(city))).event();
    }
}
