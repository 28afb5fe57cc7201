package org.hbew.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    @Test
    void shouldGiveTheMillisecondsOfItsTimeAsAnInstantDoes() {
        // Given times before and after 1970, with fractions of a millisecond, at offsets either side of UTC
        Random random = new Random(20261201);
        for (int n = 0; n < 100_000; n++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-10_000_000_000L, 10_000_000_000L),
                    random.nextInt(1_000_000_000));
            OffsetDateTime at = instant.atOffset(ZoneOffset.ofTotalSeconds(random.nextInt(-18 * 3600, 18 * 3600 + 1)));

            // When the event's milliseconds are asked for, then they are the instant's
            EventEnvelope event = EventEnvelope.plain(UUID.randomUUID(), "ordos", 2, "road_km_opened", at, 1, "km");
            assertThat(event.occurredAtMillis()).as("%s", at).isEqualTo(instant.toEpochMilli());
        }
    }
}
