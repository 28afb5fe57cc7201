package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.event.EventEnvelope;
import org.junit.jupiter.api.Test;

class EventSetsTest {

    private static final Instant NOW = Instant.parse("2024-09-01T08:00:00Z");
    private static final Catalog CATALOG = CatalogLoader.loadDefault();

    private final EventSets sets = new EventSets(CATALOG, 42, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldSpreadEventsOverTheRecentPast() {
        List<EventEnvelope> events = sets.next(2_000);

        assertThat(events).hasSize(2_000);
        List<Instant> times = events.stream().map(e -> e.occurredAt().toInstant()).sorted().toList();
        assertThat(times.get(times.size() - 1)).isBeforeOrEqualTo(NOW);
        assertThat(times.get(times.size() / 2))
                .isBetween(NOW.minus(EventSets.SPAN), NOW.minus(EventSets.SPAN.dividedBy(4)));
        assertThat(events).extracting(EventEnvelope::city).contains("hohhot", "baotou", "ordos", "ulanqab");
    }

    @Test
    void shouldGiveEverySetItsOwnEventIds() {
        Set<UUID> first = new HashSet<>(sets.next(1_000).stream().map(EventEnvelope::eventId).toList());
        List<UUID> second = sets.next(1_000).stream().map(EventEnvelope::eventId).toList();

        assertThat(second).noneMatch(first::contains);
    }

    @Test
    void shouldStepTheClockEvenlyUpToItsEnd() {
        SteppingClock clock = new SteppingClock(NOW, java.time.Duration.ofSeconds(10), 11);

        assertThat(clock.instant()).isEqualTo(NOW.minusSeconds(10));
        assertThat(clock.instant()).isEqualTo(NOW.minusSeconds(9));
        for (int i = 0; i < 8; i++) {
            clock.instant();
        }
        assertThat(clock.instant()).isEqualTo(NOW);
    }
}
