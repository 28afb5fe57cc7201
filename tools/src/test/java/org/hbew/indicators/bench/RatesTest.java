package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RatesTest {

    @Test
    void shouldDivideEventsBySeconds() {
        assertThat(Rates.perSecond(50_000, 2_500_000_000L)).isCloseTo(20_000, within(1e-9));
        assertThat(Rates.seconds(1_500_000_000L)).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void shouldGiveNoRateWithoutEventsOrTime() {
        assertThat(Rates.perSecond(0, 1_000_000_000L)).isZero();
        assertThat(Rates.perSecond(10, 0)).isZero();
    }

    @Test
    void shouldRelateTwoRates() {
        assertThat(Rates.ratio(15_000.0, 60_000.0)).isCloseTo(0.25, within(1e-12));
        assertThat(Rates.ratio(90_000.0, 60_000.0)).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void shouldMakeUpNoRatioWhenTheBaselineIsMissingOrZero() {
        assertThat(Rates.ratio(15_000.0, null)).isNull();
        assertThat(Rates.ratio(15_000.0, 0.0)).isNull();
        assertThat(Rates.ratio(15_000.0, Double.NaN)).isNull();
        assertThat(Rates.ratio(15_000.0, Double.POSITIVE_INFINITY)).isNull();
        assertThat(Rates.ratio(null, 60_000.0)).isNull();
    }
}
