package org.hbew.indicators.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.simulator.EventGenerator;
import org.hbew.indicators.simulator.GeneratedEvent;
import org.hbew.indicators.simulator.GeneratorSettings;

/**
 * The benchmark's events, made by the simulator's {@link EventGenerator} (all four cities, all 22 items, the
 * default shares of duplicates and late events) before any timing starts. Every set has a seed of its own, so
 * no two sets share eventIds and the processors see fresh events, not duplicates of an earlier phase. A set's
 * events are spread over the {@link #SPAN} before the moment it is made (late ones lie further back). It counts
 * the distinct events it has handed out (all but the duplicates), which is what the memory phase is sized by.
 */
final class EventSets {

    static final Duration SPAN = Duration.ofMinutes(10);

    private final Catalog catalog;
    private final Clock wall;
    private long nextSeed;
    private long distinct;

    EventSets(Catalog catalog, long seed, Clock wall) {
        this.catalog = catalog;
        this.nextSeed = seed;
        this.wall = wall;
    }

    /** The next set of {@code count} events. */
    List<EventEnvelope> next(int count) {
        // One read of the clock at construction, then one per fresh event.
        EventGenerator generator = new EventGenerator(catalog, GeneratorSettings.defaults(nextSeed++),
                new SteppingClock(wall.instant(), SPAN, count + 1));
        List<EventEnvelope> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            GeneratedEvent generated = generator.next();
            if (generated.kind() != GeneratedEvent.Kind.DUPLICATE) {
                distinct++;
            }
            events.add(generated.event());
        }
        return events;
    }

    /** Events with an eventId of their own handed out so far: every set's events but its duplicates. */
    long distinct() {
        return distinct;
    }
}
