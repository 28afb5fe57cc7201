package org.hbew.indicators.event;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads ISO-8601 date-times with an offset like {@link OffsetDateTime#parse(CharSequence)}, only faster for the
 * shape senders actually use, {@code uuuu-MM-ddTHH:mm:ss[.fraction](Z|±HH:MM)}: the JDK's general formatter
 * resolves every field through maps and was about a tenth of the gateway's and the processors' CPU (see
 * docs/benchmarks.md). Whatever does not have exactly that shape, or is not a valid date, time or offset, is
 * handed to {@link OffsetDateTime#parse}, so results and errors are the JDK's in every case.
 */
final class IsoDateTimes {

    private static final int MAX_FRACTION_DIGITS = 9;
    private static final int MAX_OFFSET_MINUTES = 18 * 60;
    /**
     * The offsets by minutes east of UTC, made as they are first met: {@link ZoneOffset#ofHoursMinutes} looks each
     * one up in a concurrent map, which was a quarter of the time spent reading a date-time. A racing thread at
     * worst makes an equal offset again.
     */
    private static final ZoneOffset[] OFFSETS_BY_MINUTE = new ZoneOffset[2 * MAX_OFFSET_MINUTES + 1];

    private IsoDateTimes() {
    }

    /**
     * @throws java.time.format.DateTimeParseException exactly when {@link OffsetDateTime#parse} would
     */
    static OffsetDateTime parse(CharSequence text) {
        OffsetDateTime canonical = parseCanonical(text);
        return canonical != null ? canonical : OffsetDateTime.parse(text);
    }

    /** The date-time if the text has the canonical shape and is valid; null to leave it to the JDK. */
    static OffsetDateTime parseCanonical(CharSequence s) {
        int length = s.length();
        if (length < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':'
                || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        int i = 19;
        int nanos = 0;
        if (s.charAt(i) == '.') {
            int first = ++i;
            while (i < length && isDigit(s.charAt(i)) && i - first < MAX_FRACTION_DIGITS) {
                nanos = nanos * 10 + (s.charAt(i) - '0');
                i++;
            }
            int count = i - first;
            if (count == 0 || i < length && isDigit(s.charAt(i))) {
                return null;
            }
            for (int k = count; k < MAX_FRACTION_DIGITS; k++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(s, i);
        if (offset == null) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    /** {@code Z} or {@code ±HH:MM} from {@code at} to the end of the text; null for anything else. */
    private static ZoneOffset offset(CharSequence s, int at) {
        int rest = s.length() - at;
        if (rest == 1 && s.charAt(at) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = rest == 6 ? s.charAt(at) : 0;
        if ((sign != '+' && sign != '-') || s.charAt(at + 3) != ':') {
            return null;
        }
        int hours = digits(s, at + 1, 2);
        int minutes = digits(s, at + 4, 2);
        if ((hours | minutes) < 0) {
            return null;
        }
        int total = hours * 60 + minutes;
        if (minutes > 59 || total > MAX_OFFSET_MINUTES) {
            return null;
        }
        int index = (sign == '-' ? -total : total) + MAX_OFFSET_MINUTES;
        ZoneOffset offset = OFFSETS_BY_MINUTE[index];
        if (offset == null) {
            offset = ZoneOffset.ofTotalSeconds((index - MAX_OFFSET_MINUTES) * 60);
            OFFSETS_BY_MINUTE[index] = offset;
        }
        return offset;
    }

    /** The non-negative number written with exactly {@code count} ASCII digits at {@code from}, or -1. */
    private static int digits(CharSequence s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
