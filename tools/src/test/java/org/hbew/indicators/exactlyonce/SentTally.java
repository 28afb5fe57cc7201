package org.hbew.indicators.exactlyonce;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.event.EventEnvelope;
import org.hbew.indicators.event.Observation;
import org.hbew.indicators.event.Observations;
import org.hbew.indicators.kafka.Keys;

/**
 * What was sent to hbew.events.raw, counted the way exactly-once processing must end up counting it: each
 * distinct event (city and eventId) once, however often it was re-sent, in every tumbling window (1 hour and
 * 1 day, aligned to the epoch) of every indicator it observes. What an event observes is the domain's
 * {@link Observations}, the definition the processors share; the windows and the de-duplication are worked out
 * here, independently of the processors' code. Not thread-safe: one sender owns it.
 */
final class SentTally {

    /** The windows of {@code ./hbew processors} by default, by their names in keys. */
    static final Map<String, Duration> WINDOWS = Map.of("1h", Duration.ofHours(1), "1d", Duration.ofDays(1));

    /** One figure of hbew.indicators.city: an indicator of an item in a city over one window. */
    record Cell(int item, String city, String indicator, String window, Instant windowStart)
            implements Comparable<Cell> {

        private static final Comparator<Cell> ORDER = Comparator.comparingInt(Cell::item).thenComparing(Cell::city)
                .thenComparing(Cell::indicator).thenComparing(Cell::window).thenComparing(Cell::windowStart);

        /** Its record key on hbew.indicators.city. */
        String key() {
            return Keys.cityIndicator(item, city, indicator, window, windowStart);
        }

        @Override
        public int compareTo(Cell other) {
            return ORDER.compare(this, other);
        }
    }

    /** Count and sum of the observations in one cell. */
    record Figures(long count, double sum) {

        Figures plus(Figures other) {
            return new Figures(count + other.count, sum + other.sum);
        }
    }

    private final Catalog catalog;
    private final Set<String> seen = new HashSet<>();
    private final Map<Cell, Figures> cells = new TreeMap<>();
    private long sent;
    private long resends;

    SentTally(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Notes one record written to hbew.events.raw: a new event, or a re-send of one already noted. */
    void add(EventEnvelope event) {
        sent++;
        if (!seen.add(event.city() + "/" + event.eventId())) {
            resends++;
            return;
        }
        Item item = catalog.item(event.item()).orElseThrow();
        long at = event.occurredAtMillis();
        for (Observation observation : Observations.of(item, event)) {
            for (Map.Entry<String, Duration> window : WINDOWS.entrySet()) {
                long size = window.getValue().toMillis();
                Cell cell = new Cell(event.item(), event.city(), observation.indicator().code(), window.getKey(),
                        Instant.ofEpochMilli(at - Math.floorMod(at, size)));
                cells.merge(cell, new Figures(1, observation.value()), Figures::plus);
            }
        }
    }

    /** Records written, re-sends included. */
    long sent() {
        return sent;
    }

    /** Distinct events: what the processors must count. */
    long distinct() {
        return sent - resends;
    }

    /** Records that repeated an event already sent: what the processors must call duplicates. */
    long resends() {
        return resends;
    }

    /** The figures of hbew.indicators.city the distinct events make, by record key. */
    Map<String, Figures> cityFigures() {
        return byKey(cells.keySet().stream().toList());
    }

    /** The figures of hbew.indicators.city of one item and city in one window, by record key. */
    Map<String, Figures> cityFigures(int item, String city, String window) {
        return byKey(cells.keySet().stream()
                .filter(c -> c.item() == item && c.city().equals(city) && c.window().equals(window)).toList());
    }

    /**
     * The figures of hbew.indicators.region the distinct events make, by record key: each the sum of the cities'
     * figures of its item, indicator and window.
     */
    Map<String, Figures> regionFigures() {
        Map<String, Figures> region = new TreeMap<>();
        cells.forEach((cell, figures) -> region.merge(
                Keys.regionIndicator(cell.item(), cell.indicator(), cell.window(), cell.windowStart()), figures,
                Figures::plus));
        return region;
    }

    /** The first and the last start of the windows of size {@code window} that had events. */
    Map.Entry<Instant, Instant> windowStarts(String window) {
        List<Instant> starts = cells.keySet().stream().filter(c -> c.window().equals(window))
                .map(Cell::windowStart).sorted().toList();
        return Map.entry(starts.get(0), starts.get(starts.size() - 1));
    }

    /** The (item, city) pairs that had events, each once. */
    List<Map.Entry<Integer, String>> itemCities() {
        return cells.keySet().stream().map(c -> Map.entry(c.item(), c.city())).distinct().toList();
    }

    private Map<String, Figures> byKey(List<Cell> selected) {
        Map<String, Figures> figures = new TreeMap<>();
        selected.forEach(cell -> figures.put(cell.key(), cells.get(cell)));
        return figures;
    }
}
