package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.http.ApiError;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.Test;

class BearerAuthTest {

    private static final List<String> CITIES = CatalogLoader.loadDefault().cityCodes();

    private final BearerAuth auth = new BearerAuth(TokenStore.of(Map.of("hohhot", "h-token", "admin", "a-token")),
            CITIES);

    @Test
    void shouldAuthenticateABearerTokenWhateverTheSchemesCase() {
        assertThat(auth.authenticate("Bearer h-token")).isEqualTo(new TokenStore.Principal("hohhot"));
        assertThat(auth.authenticate("bearer  a-token ")).isEqualTo(new TokenStore.Principal("admin"));
    }

    @Test
    void shouldAnswer403ToTheReadTokenBeforeTheBodyIsRead() {
        BearerAuth withReader = new BearerAuth(TokenStore.of(Map.of("hohhot", "h-token", "reader", "r-token")),
                List.of("hohhot"));

        assertThatThrownBy(() -> withReader.authenticate(List.of("Bearer r-token")))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(403))
                .satisfies(e -> assertThat(e.getMessage()).contains("read token may not post"));
        assertThat(withReader.authenticate(List.of("Bearer h-token"))).isEqualTo(new TokenStore.Principal("hohhot"));
    }

    @Test
    void shouldAnswer401WithoutAKnownBearerToken() {
        for (String header : new String[] {null, "", "Basic aDp0b2tlbg==", "Bearer", "Bearer wrong", "h-token"}) {
            assertThatThrownBy(() -> auth.authenticate(header))
                    .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                    .satisfies(e -> assertThat(e.status()).isEqualTo(401))
                    .extracting(ApiError::code).isEqualTo("unauthorized");
        }
    }

    @Test
    void shouldAnswer403NamingEveryEventOfAnotherCity() {
        List<PostedEvent> events = List.of(
                event(0, "{\"city\":\"hohhot\"}"),
                event(1, "{\"city\":\"baotou\"}"),
                event(2, "{\"item\":3}"),
                event(3, "{\"city\":\"ordos\"}"));

        assertThatThrownBy(() -> auth.authorize(new TokenStore.Principal("hohhot"), events))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(403);
                    assertThat(e.problems()).asInstanceOf(InstanceOfAssertFactories.list(IndexedProblem.class))
                            .extracting(IndexedProblem::index).containsExactly(1, 3);
                    assertThat(e.problems()).asInstanceOf(InstanceOfAssertFactories.list(IndexedProblem.class))
                            .extracting(IndexedProblem::field).containsOnly("city");
                });
    }

    @Test
    void shouldAnswer401ToTwoAuthorizationHeaders() {
        assertThatThrownBy(() -> auth.authenticate(List.of("Bearer h-token", "Bearer a-token")))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(401))
                .satisfies(e -> assertThat(e.getMessage()).contains("one Authorization header"));
        assertThat(auth.authenticate(List.of("Bearer h-token"))).isEqualTo(new TokenStore.Principal("hohhot"));
    }

    @Test
    void shouldLeaveCitiesTheCatalogDoesNotKnowToValidation() {
        List<PostedEvent> events = List.of(event(0, "{\"city\":\"ORDOS\"}"), event(1, "{\"city\":\"xian\"}"),
                event(2, "{\"city\":\"Hohhot\"}"));

        assertThatCode(() -> auth.authorize(new TokenStore.Principal("hohhot"), events)).doesNotThrowAnyException();
    }

    @Test
    void shouldLetAdminWriteEveryCity() {
        // Given one event of each of the catalog's cities
        List<PostedEvent> events = new ArrayList<>();
        for (String city : CITIES) {
            events.add(event(events.size(), "{\"city\":\"" + city + "\"}"));
        }

        // When the admin posts them all, Then none is refused
        assertThatCode(() -> auth.authorize(new TokenStore.Principal("admin"), events)).doesNotThrowAnyException();
    }

    @Test
    void shouldLetACityWriteItsOwnEvents() {
        List<PostedEvent> events = List.of(event(0, "{\"city\":\"hohhot\"}"), event(1, "{\"item\":3}"));

        assertThatCode(() -> auth.authorize(new TokenStore.Principal("hohhot"), events)).doesNotThrowAnyException();
    }

    private static PostedEvent event(int index, String json) {
        try {
            return PostedEvent.parsed(index, Json.mapper().readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
