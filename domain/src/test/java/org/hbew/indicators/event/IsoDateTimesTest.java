package org.hbew.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoDateTimesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T10:15:00+08:00", "2026-11-27T10:15:00Z", "2026-11-27T10:15:00.5+08:00",
            "2026-11-27T10:15:00.123-03:30", "2026-11-27T23:59:59.999999999+14:00", "2024-02-29T00:00:00-00:00",
            "0001-01-01T00:00:00+18:00", "9999-12-31T23:59:59-18:00", "2026-11-27T10:15:00.000000001+05:45"})
    void shouldReadTheCanonicalShapeAsTheJdkDoes(String text) {
        assertThat(IsoDateTimes.parseCanonical(text)).as("fast path taken").isNotNull();
        assertThat(IsoDateTimes.parse(text)).isEqualTo(OffsetDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-27T10:15+08:00", "2026-11-27t10:15:00+08:00", "2026-11-27T10:15:00+08:00:00",
            "2026-11-27T10:15:00.+08:00", "2026-11-27T10:15:00z"})
    void shouldLeaveOtherShapesToTheJdk(String text) {
        assertThat(IsoDateTimes.parseCanonical(text)).isNull();
        assertThat(IsoDateTimes.parse(text)).isEqualTo(OffsetDateTime.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-31T00:00:00Z",
            "2026-11-27T24:00:00Z", "2026-11-27T23:60:00Z", "2026-11-27T23:59:60Z", "2026-11-27T10:15:00+18:30",
            "2026-11-27T10:15:00+08:60", "2026-11-27T10:15:00.1234567890+08:00", "2026-11-27T10:15:00",
            "2026-11-27T10:15:00+08:00 ", "2026-1a-27T10:15:00Z", "２026-11-27T10:15:00Z",
            "2026-11-27T10:15:00+0800", ""})
    void shouldFailExactlyWhereTheJdkFails(String text) {
        assertThat(IsoDateTimes.parseCanonical(text)).isNull();
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> IsoDateTimes.parse(text)).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void shouldAgreeWithTheJdkOnRandomNearMisses() {
        // Given canonical date-times with random characters replaced, dropped or added
        Random random = new Random(20261127);
        String alphabet = "0123456789-:+.TZ9";
        int fast = 0;
        for (int n = 0; n < 200_000; n++) {
            StringBuilder text = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d%s%s",
                    random.nextInt(10_000), random.nextInt(14), random.nextInt(33), random.nextInt(26),
                    random.nextInt(62), random.nextInt(62), fraction(random), offset(random)));
            for (int edits = random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(3)) {
                    case 0 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 1 -> text.deleteCharAt(at);
                    default -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String s = text.toString();

            // When / Then: wherever the fast path answers, the JDK gives the same date-time
            OffsetDateTime canonical = IsoDateTimes.parseCanonical(s);
            if (canonical != null) {
                fast++;
                assertThat(OffsetDateTime.parse(s)).as(s).isEqualTo(canonical);
            }
        }
        assertThat(fast).as("texts the fast path read").isGreaterThan(10_000);
    }

    @Test
    void shouldReadEveryOffsetAsTheJdkDoes() {
        for (char sign : new char[] {'+', '-'}) {
            for (int hours = 0; hours <= 20; hours++) {
                for (int minutes = 0; minutes <= 60; minutes++) {
                    String text = String.format("2026-11-30T10:15:00%c%02d:%02d", sign, hours, minutes);
                    OffsetDateTime jdk;
                    try {
                        jdk = OffsetDateTime.parse(text);
                    } catch (DateTimeParseException e) {
                        assertThat(IsoDateTimes.parseCanonical(text)).as(text).isNull();
                        continue;
                    }
                    assertThat(IsoDateTimes.parseCanonical(text)).as(text).isEqualTo(jdk);
                }
            }
        }
    }

    private static String fraction(Random random) {
        int digits = random.nextInt(11);
        if (digits == 0) {
            return "";
        }
        StringBuilder fraction = new StringBuilder(".");
        for (int i = 0; i < digits; i++) {
            fraction.append(random.nextInt(10));
        }
        return fraction.toString();
    }

    private static String offset(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "Z";
            case 1 -> String.format("+%02d:%02d", random.nextInt(20), random.nextInt(61));
            case 2 -> String.format("-%02d:%02d", random.nextInt(20), random.nextInt(61));
            default -> "+08:00";
        };
    }
}
