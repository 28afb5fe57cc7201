package org.hbew.indicators.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import org.hbew.indicators.ingest.TokenStore;

/**
 * Reads the bearer tokens a client command posts with: the tokens file standalone writes or, when the
 * value is not a file but {@code <principal>=<token>} pairs, those pairs. The second form exists because
 * {@code --tokens} reads {@code HBEW_TOKENS} like every option reads its variable, and
 * {@value TokenStore#ENVIRONMENT_VARIABLE} already holds inline pairs for the ingest gateway; this way one
 * variable configures the gateway and its clients alike.
 */
public final class TokensFiles {

    private TokensFiles() {
    }

    /**
     * @throws IllegalArgumentException naming the file when there is none (tokens themselves are never shown)
     */
    public static TokenStore read(Path fileOrPairs) {
        if (Files.isRegularFile(fileOrPairs)) {
            return TokenStore.load(fileOrPairs);
        }
        String value = fileOrPairs.toString();
        if (value.contains("=")) {
            return TokenStore.parse(value);
        }
        throw new IllegalArgumentException("no tokens file at " + fileOrPairs
                + "; ./hbew standalone writes one, or pass --tokens FILE");
    }
}
