package org.hbew.indicators.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hbew.indicators.ingest.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensFilesTest {

    @TempDir
    Path dir;

    @Test
    void shouldReadTheFileStandaloneWrites() throws Exception {
        Path file = Files.writeString(dir.resolve("tokens.properties"), "# secret\nhohhot=h1\nadmin=a1\n");

        TokenStore tokens = TokensFiles.read(file);

        assertThat(tokens.token("hohhot")).contains("h1");
        assertThat(tokens.token(TokenStore.ADMIN)).contains("a1");
    }

    @Test
    void shouldReadInlinePairsAsHbewTokensHoldsThem() {
        TokenStore tokens = TokensFiles.read(Path.of("hohhot=h1,admin=a1"));

        assertThat(tokens.principals()).containsExactlyInAnyOrder("hohhot", "admin");
    }

    @Test
    void shouldSayWhereTheMissingFileWasExpected() {
        assertThatThrownBy(() -> TokensFiles.read(dir.resolve("none.properties")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no tokens file at " + dir.resolve("none.properties"));
    }
}
