package org.hbew.indicators.processors.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The key of a flow cell taken apart into the cities it was built from, and keys of another shape refused. */
class CellKeyTest {

    @Test
    void shouldGiveBackTheOriginAndTheDestination() {
        String key = ItemCityWindow.cellKey("ordos", "hohhot");

        assertThat(key).isEqualTo("ordos>hohhot");
        assertThat(ItemCityWindow.parseCellKey(key)).isEqualTo(new ItemCityWindow.Route("ordos", "hohhot"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ordos", "ordos>", ">hohhot", "ordos>hohhot>baotou"})
    void shouldRefuseAKeyOfAnotherShape(String key) {
        assertThatThrownBy(() -> ItemCityWindow.parseCellKey(key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a flow cell key of the form <origin>><destination>: '" + key + "'");
    }
}
