package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenStoreTest {

    private static final List<String> CITIES = List.of("hohhot", "baotou", "ordos", "ulanqab");

    @TempDir
    Path dir;

    @Test
    void shouldLoadPrincipalsAndTokensFromAPropertiesFile() throws Exception {
        Path file = dir.resolve("tokens.properties");
        Files.writeString(file, "# comment\nhohhot=h-token\nadmin=a-token\n");

        TokenStore store = TokenStore.load(file);

        assertThat(store.principals()).containsExactlyInAnyOrder("hohhot", "admin");
        assertThat(store.authenticate("h-token")).contains(new TokenStore.Principal("hohhot"));
        assertThat(store.authenticate("a-token")).contains(new TokenStore.Principal("admin"));
    }

    @Test
    void shouldCreateRandomTokensOnFirstStartAndReuseThemAfterwards() throws Exception {
        Path file = dir.resolve("data/tokens.properties");

        TokenStore first = TokenStore.loadOrCreate(file, CITIES);
        TokenStore second = TokenStore.loadOrCreate(file, CITIES);

        assertThat(first.principals()).containsExactlyInAnyOrder("hohhot", "baotou", "ordos", "ulanqab", "admin");
        for (String principal : first.principals()) {
            String token = first.token(principal).orElseThrow();
            assertThat(token).hasSizeGreaterThanOrEqualTo(43).matches("[A-Za-z0-9_-]+");
            assertThat(second.token(principal)).contains(token);
        }
        assertThat(first.principals().stream().map(p -> first.token(p).orElseThrow()).distinct()).hasSize(5);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }

    @Test
    void shouldAddAMissingPrincipalWithoutChangingExistingTokens() throws Exception {
        Path file = dir.resolve("tokens.properties");
        Files.writeString(file, "hohhot=h-token\n");

        TokenStore store = TokenStore.loadOrCreate(file, List.of("hohhot", "baotou"));

        assertThat(store.token("hohhot")).contains("h-token");
        assertThat(store.principals()).containsExactlyInAnyOrder("hohhot", "baotou", "admin");
        assertThat(TokenStore.load(file).token("baotou")).isEqualTo(store.token("baotou"));
    }

    @Test
    void shouldFindTheRightPrincipalAmongMany() {
        Map<String, String> tokens = new LinkedHashMap<>();
        CITIES.forEach(city -> tokens.put(city, city + "-secret-token"));
        tokens.put("admin", "admin-secret-token");
        TokenStore store = TokenStore.of(tokens);

        for (String city : CITIES) {
            assertThat(store.authenticate(city + "-secret-token")).contains(new TokenStore.Principal(city));
        }
        assertThat(store.authenticate("ordos-secret-toke")).isEmpty();
        assertThat(store.authenticate("ordos-secret-token ")).isEmpty();
        assertThat(store.authenticate("")).isEmpty();
        assertThat(store.authenticate(null)).isEmpty();
    }

    @Test
    void shouldLetACityWriteOnlyItsOwnEventsAndAdminAnyCitys() {
        TokenStore.Principal hohhot = new TokenStore.Principal("hohhot");
        TokenStore.Principal admin = new TokenStore.Principal(TokenStore.ADMIN);

        assertThat(hohhot.mayWrite("hohhot")).isTrue();
        assertThat(hohhot.mayWrite("baotou")).isFalse();
        assertThat(hohhot.isAdmin()).isFalse();
        assertThat(admin.isAdmin()).isTrue();
        assertThat(CITIES).allMatch(admin::mayWrite);
    }

    @Test
    void shouldReadInlinePairsFromTheEnvironment() {
        Optional<TokenStore> store = TokenStore.fromEnvironment(Map.of("HBEW_TOKENS", " hohhot = h1 , admin=a1,"));

        assertThat(store).isPresent();
        assertThat(store.get().authenticate("h1")).contains(new TokenStore.Principal("hohhot"));
        assertThat(store.get().authenticate("a1")).contains(new TokenStore.Principal("admin"));
        assertThat(TokenStore.fromEnvironment(Map.of())).isEmpty();
        assertThat(TokenStore.fromEnvironment(Map.of("HBEW_TOKENS", "  "))).isEmpty();
    }

    @Test
    void shouldRefuseSharedEmptyOrMalformedTokensWithoutEchoingThem() {
        assertThatThrownBy(() -> TokenStore.of(Map.of("hohhot", "same", "baotou", "same")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("same");
        assertThatThrownBy(() -> TokenStore.of(Map.of("hohhot", " ")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenStore.parse("hohhot-without-equals-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> TokenStore.of(Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNeverShowTokensInToString() {
        TokenStore store = TokenStore.of(Map.of("hohhot", "very-secret"));

        assertThat(store.toString()).contains("hohhot").doesNotContain("very-secret");
        assertThat(IngestConfig.defaults("localhost:9092", store).toString()).doesNotContain("very-secret");
    }
}
