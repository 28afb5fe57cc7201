package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.EventParser;
import org.hbew.indicators.event.ValidationPolicy;
import org.hbew.indicators.http.ApiError;
import org.junit.jupiter.api.Test;

class EventBatchTest {

    private final EventParser parser = new EventParser(CatalogLoader.loadDefault(), ValidationPolicy.edgeDefaults(),
            Clock.systemUTC());

    @Test
    void shouldReturnTheCheckedEventsInRequestOrder() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        List<EventEnvelope> events = EventBatch.validate(List.of(
                PostedEvent.parsed(0, TestEvents.valid("hohhot", first)),
                PostedEvent.parsed(1, TestEvents.valid("baotou", second))), parser);

        assertThat(events).extracting(EventEnvelope::eventId).containsExactly(first, second);
    }

    @Test
    void shouldListEveryProblemOfEveryEventByIndex() {
        ObjectNode wrongUnitAndValue = TestEvents.valid("hohhot").put("unit", "km").put("value", 2.5);
        ObjectNode noEventId = TestEvents.valid("ordos");
        noEventId.remove("eventId");

        assertThatThrownBy(() -> EventBatch.validate(List.of(
                PostedEvent.parsed(0, TestEvents.valid("hohhot")),
                PostedEvent.parsed(2, wrongUnitAndValue),
                PostedEvent.malformed(3, "line 4 is not valid JSON"),
                PostedEvent.parsed(5, noEventId)), parser))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("invalid_events");
                    assertThat(e.getMessage()).startsWith("3 events are invalid");
                    assertThat(e.problems()).asInstanceOf(InstanceOfAssertFactories.list(IndexedProblem.class))
                            .extracting(IndexedProblem::index, IndexedProblem::field)
                            .containsExactly(
                                    tuple(2, "unit"),
                                    tuple(2, "value"),
                                    tuple(3, ""),
                                    tuple(5, "eventId"));
                });
    }

    @Test
    void shouldRefuseTheSameCityAndEventIdWithOtherContentNamingBothIndices() {
        UUID id = UUID.randomUUID();
        ObjectNode first = TestEvents.valid("hohhot", id).put("value", 12);

        assertThatThrownBy(() -> EventBatch.validate(List.of(
                PostedEvent.parsed(0, first),
                PostedEvent.parsed(1, TestEvents.valid("hohhot")),
                PostedEvent.parsed(2, first.deepCopy().put("value", 9999)),
                PostedEvent.parsed(3, first.deepCopy().put("value", 13))), parser))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.getMessage()).startsWith("3 events are invalid");
                    assertThat(e.problems()).asInstanceOf(InstanceOfAssertFactories.list(IndexedProblem.class))
                            .extracting(IndexedProblem::index, IndexedProblem::field, IndexedProblem::message)
                            .containsExactly(
                                    tuple(0, "eventId", "event 2 of this request has the same city and eventId "
                                            + "but other content; each event needs its own eventId"),
                                    tuple(2, "eventId", "event 0 of this request has the same city and eventId "
                                            + "but other content; each event needs its own eventId"),
                                    tuple(3, "eventId", "event 0 of this request has the same city and eventId "
                                            + "but other content; each event needs its own eventId"));
                });
    }

    @Test
    void shouldAcceptAnExactCopyOfAnEventInOneRequestAsARetry() {
        ObjectNode event = TestEvents.valid("hohhot", UUID.randomUUID());

        List<EventEnvelope> events = EventBatch.validate(List.of(
                PostedEvent.parsed(0, event), PostedEvent.parsed(1, event.deepCopy())), parser);

        assertThat(events).hasSize(2).allMatch(e -> e.equals(events.get(0)));
    }

    @Test
    void shouldTakeTheSameEventIdOfTwoCitiesAsTwoEvents() {
        UUID id = UUID.randomUUID();

        List<EventEnvelope> events = EventBatch.validate(List.of(
                PostedEvent.parsed(0, TestEvents.valid("hohhot", id)),
                PostedEvent.parsed(1, TestEvents.valid("ordos", id))), parser);

        assertThat(events).hasSize(2);
    }
}
