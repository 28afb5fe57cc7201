package org.hbew.indicators.catalog;

import java.util.Locale;
import java.util.Optional;

/** Which side of a target is good. */
public enum Direction {
    AT_LEAST,
    AT_MOST;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isMet(double value, double target) {
        return this == AT_LEAST ? value >= target : value <= target;
    }

    public static Optional<Direction> fromCode(String code) {
        for (Direction d : values()) {
            if (d.code().equals(code)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
