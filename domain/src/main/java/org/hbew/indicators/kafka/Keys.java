package org.hbew.indicators.kafka;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.hbew.indicators.event.Excerpt;

/**
 * Record keys of every topic, in one place so producers, processors and downstream readers agree: for each kind
 * of key, the method that builds it, the record of its parts and the method that takes it apart, side by side.
 *
 * <p>Parts are separated by ':'. Item numbers are decimal; city, indicator and flow codes and window names never
 * contain ':' or '@' (the catalog and {@code WindowSpec} check them), so a key splits back into exactly the parts
 * it was built from. Windowed keys end in {@code <window>@<start>} with the window's start as an ISO-8601 instant,
 * so a compacted topic keeps the latest figure of each window; the instant has colons of its own, so it is what
 * follows the '@'.
 *
 * <p>The builders do not check their parts: some run for every event. The parsers throw an
 * IllegalArgumentException naming the shape expected when a key has not got it.
 */
public final class Keys {

    private static final String RAW = "<item>:<city>";
    private static final String STATUS = "<item>:<city>:<indicator>";
    private static final String CITY_INDICATOR = "<item>:<city>:<indicator>:<window>@<start>";
    private static final String REGION_INDICATOR = "<item>:<indicator>:<window>@<start>";
    private static final String FLOW = "<flow>:<from>:<to>:<window>@<start>";
    private static final String TARGET = "<item>:<indicator>[:<city>]";
    private static final String ROLLUP = "<item>:<window>";

    /** How much of a malformed key an exception quotes. */
    private static final int QUOTED_CHARS = 100;

    private Keys() {
    }

    /** hbew.events.raw: {@code <item>:<city>}; an event and all its duplicates land in one partition. */
    public static String raw(int item, String city) {
        return item + ":" + city;
    }

    /** The parts of a {@link #raw} key. */
    public static ItemCity parseRaw(String key) {
        String[] parts = split(key, 2, RAW);
        return new ItemCity(item(parts[0], key, RAW), parts[1]);
    }

    /** The parts of a raw key. */
    public record ItemCity(int item, String city) {
    }

    /** hbew.indicators.status, and the status store: {@code <item>:<city>:<indicator>}. */
    public static String status(int item, String city, String indicator) {
        return item + ":" + city + ":" + indicator;
    }

    /** The parts of a {@link #status} key. */
    public static StatusKey parseStatus(String key) {
        String[] parts = split(key, 3, STATUS);
        return new StatusKey(item(parts[0], key, STATUS), parts[1], parts[2]);
    }

    /** The parts of a status key. */
    public record StatusKey(int item, String city, String indicator) {
    }

    /** hbew.indicators.city: {@code <item>:<city>:<indicator>:<window>@<start>}. */
    public static String cityIndicator(int item, String city, String indicator, String window, Instant start) {
        return item + ":" + city + ":" + indicator + ":" + windowed(window, start);
    }

    /** The parts of a {@link #cityIndicator} key. */
    public static CityIndicatorKey parseCityIndicator(String key) {
        String[] parts = splitWindowed(key, 4, CITY_INDICATOR);
        return new CityIndicatorKey(item(parts[0], key, CITY_INDICATOR), parts[1], parts[2], parts[3],
                start(parts[4], key, CITY_INDICATOR));
    }

    /** The parts of a city indicator key. */
    public record CityIndicatorKey(int item, String city, String indicator, String window, Instant start) {
    }

    /** hbew.indicators.region: {@code <item>:<indicator>:<window>@<start>}. */
    public static String regionIndicator(int item, String indicator, String window, Instant start) {
        return item + ":" + indicator + ":" + windowed(window, start);
    }

    /** The parts of a {@link #regionIndicator} key. */
    public static RegionIndicatorKey parseRegionIndicator(String key) {
        String[] parts = splitWindowed(key, 3, REGION_INDICATOR);
        return new RegionIndicatorKey(item(parts[0], key, REGION_INDICATOR), parts[1], parts[2],
                start(parts[3], key, REGION_INDICATOR));
    }

    /** The parts of a region indicator key. */
    public record RegionIndicatorKey(int item, String indicator, String window, Instant start) {
    }

    /** hbew.flows: {@code <flow>:<from>:<to>:<window>@<start>}. */
    public static String flow(String flow, String from, String to, String window, Instant start) {
        return flow + ":" + from + ":" + to + ":" + windowed(window, start);
    }

    /** The parts of a {@link #flow} key. */
    public static FlowKey parseFlow(String key) {
        String[] parts = splitWindowed(key, 4, FLOW);
        return new FlowKey(parts[0], parts[1], parts[2], parts[3], start(parts[4], key, FLOW));
    }

    /** The parts of a flow key. */
    public record FlowKey(String flow, String from, String to, String window, Instant start) {
    }

    /** hbew.targets: {@code <item>:<indicator>}, or {@code <item>:<indicator>:<city>} for one city's target. */
    public static String target(int item, String indicator, String city) {
        return city == null ? item + ":" + indicator : item + ":" + indicator + ":" + city;
    }

    /** The parts of a {@link #target} key; the city is null in the key of a target for all cities. */
    public static TargetKey parseTarget(String key) {
        int firstColon = key == null ? -1 : key.indexOf(':');
        boolean forOneCity = firstColon >= 0 && key.indexOf(':', firstColon + 1) >= 0;
        String[] parts = split(key, forOneCity ? 3 : 2, TARGET);
        return new TargetKey(item(parts[0], key, TARGET), parts[1], forOneCity ? parts[2] : null);
    }

    /** The parts of a target key; {@code city} is null for a target for all cities. */
    public record TargetKey(int item, String indicator, String city) {
    }

    /**
     * The processors' repartition topic rollup-by-item and their rollup store: {@code <item>:<window>}, so the
     * four cities' figures of an item in windows of one size meet in one task.
     */
    public static String rollup(int item, String window) {
        return item + ":" + window;
    }

    /** The parts of a {@link #rollup} key. */
    public static ItemWindow parseRollup(String key) {
        String[] parts = split(key, 2, ROLLUP);
        return new ItemWindow(item(parts[0], key, ROLLUP), parts[1]);
    }

    /** The parts of a rollup key. */
    public record ItemWindow(int item, String window) {
    }

    private static String windowed(String window, Instant start) {
        return window + "@" + start;
    }

    /** The {@code count} non-empty ':'-separated parts of {@code key}. */
    private static String[] split(String key, int count, String shape) {
        if (key == null) {
            throw malformed(null, shape);
        }
        return split(key, key.length(), count, count, shape);
    }

    /**
     * The {@code count} non-empty ':'-separated parts before the '@' of a windowed key, then what follows the '@':
     * {@code count + 1} strings.
     */
    private static String[] splitWindowed(String key, int count, String shape) {
        int at = key == null ? -1 : key.indexOf('@');
        if (at < 0 || key.indexOf('@', at + 1) >= 0) {
            throw malformed(key, shape);
        }
        String[] parts = split(key, at, count, count + 1, shape);
        parts[count] = key.substring(at + 1);
        return parts;
    }

    /**
     * The {@code count} non-empty ':'-separated parts of {@code key} before {@code end}, at the start of an array
     * of {@code length}.
     */
    private static String[] split(String key, int end, int count, int length, String shape) {
        String[] parts = new String[length];
        int from = 0;
        for (int i = 0; i < count; i++) {
            int colon = key.indexOf(':', from);
            int to = colon >= 0 && colon < end ? colon : end;
            boolean last = i == count - 1;
            // Too few parts, too many, or an empty one.
            if ((to == end) != last || to == from) {
                throw malformed(key, shape);
            }
            parts[i] = key.substring(from, to);
            from = to + 1;
        }
        return parts;
    }

    /** The item number in {@code part}: ASCII digits, as {@link #raw} writes it. */
    private static int item(String part, String key, String shape) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                throw malformed(key, shape);
            }
        }
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw malformed(key, shape);
        }
    }

    private static Instant start(String text, String key, String shape) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed(key, shape);
        }
    }

    private static IllegalArgumentException malformed(String key, String shape) {
        return new IllegalArgumentException("not a key of the form " + shape + ": "
                + (key == null ? "null" : "'" + Excerpt.of(key, QUOTED_CHARS) + "'"));
    }
}
