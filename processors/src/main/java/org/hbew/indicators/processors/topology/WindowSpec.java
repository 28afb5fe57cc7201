package org.hbew.indicators.processors.topology;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tumbling event-time window by its name as it appears in keys, targets and metric labels
 * ({@code 1h}, {@code 1d}, {@code 15m}) and its length.
 */
public record WindowSpec(String name, Duration size) {

    private static final Pattern NAME = Pattern.compile("([1-9][0-9]*)([mhd])");

    public static WindowSpec parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            throw new IllegalArgumentException("window '" + name + "' must be a number and m, h or d, e.g. 1h or 1d");
        }
        long n = Long.parseLong(m.group(1));
        Duration size = switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
        return new WindowSpec(name, size);
    }

    public long sizeMs() {
        return size.toMillis();
    }

    /** Start of the window containing {@code timestamp} (windows are aligned to the epoch, i.e. UTC). */
    public long startOf(long timestamp) {
        return timestamp - Math.floorMod(timestamp, sizeMs());
    }

    /** The state store holding this window's per-city figures. */
    public String cityStoreName() {
        return "city-" + name + "-store";
    }
}
