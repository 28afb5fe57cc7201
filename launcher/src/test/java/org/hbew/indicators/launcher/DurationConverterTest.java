package org.hbew.indicators.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DurationConverterTest {

    @Test
    void shouldReadShortAndIsoDurations() {
        assertThat(DurationConverter.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationConverter.parse("3h")).isEqualTo(Duration.ofHours(3));
        assertThat(DurationConverter.parse("2d")).isEqualTo(Duration.ofDays(2));
        assertThat(DurationConverter.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationConverter.parse("PT3H")).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void shouldExplainWhatItExpects() {
        assertThatThrownBy(() -> DurationConverter.parse("three hours"))
                .isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("PT3H");
    }
}
