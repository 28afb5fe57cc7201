package org.hbew.indicators.kafka;

import java.time.Instant;

/**
 * Record keys of every topic, in one place so producers, processors and downstream readers agree.
 * Windowed keys end in {@code <window>@<start>} with the window's start as an ISO-8601 instant, so a
 * compacted topic keeps the latest figure of each window.
 */
public final class Keys {

    private Keys() {
    }

    /** hbew.events.raw: {@code <item>:<city>}; an event and all its duplicates land in one partition. */
    public static String raw(int item, String city) {
        return item + ":" + city;
    }

    /** The item and city of a raw key {@link #raw}; an IllegalArgumentException if it has not that shape. */
    public static ItemCity parseRaw(String key) {
        int colon = key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("not an <item>:<city> key: " + key);
        }
        try {
            return new ItemCity(Integer.parseInt(key.substring(0, colon)), key.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an <item>:<city> key: " + key, e);
        }
    }

    /** The parts of a raw key. */
    public record ItemCity(int item, String city) {
    }

    /** hbew.indicators.city: {@code <item>:<city>:<indicator>:<window>@<start>}. */
    public static String cityIndicator(int item, String city, String indicator, String window, Instant start) {
        return item + ":" + city + ":" + indicator + ":" + windowed(window, start);
    }

    /** hbew.indicators.region: {@code <item>:<indicator>:<window>@<start>}. */
    public static String regionIndicator(int item, String indicator, String window, Instant start) {
        return item + ":" + indicator + ":" + windowed(window, start);
    }

    /** hbew.indicators.status: {@code <item>:<city>:<indicator>}. */
    public static String status(int item, String city, String indicator) {
        return item + ":" + city + ":" + indicator;
    }

    /** hbew.flows: {@code <flow>:<from>:<to>:<window>@<start>}. */
    public static String flow(String flow, String from, String to, String window, Instant start) {
        return flow + ":" + from + ":" + to + ":" + windowed(window, start);
    }

    /** hbew.targets: {@code <item>:<indicator>}, or {@code <item>:<indicator>:<city>} for one city's target. */
    public static String target(int item, String indicator, String city) {
        return city == null ? item + ":" + indicator : item + ":" + indicator + ":" + city;
    }

    private static String windowed(String window, Instant start) {
        return window + "@" + start;
    }
}
