package org.hbew.indicators.launcher;

import java.util.List;
import java.util.Optional;
import org.hbew.indicators.ingest.TokenStore;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --read-token}: the token a service's read side requires (the query API, its internal routes and
 * {@code /metrics}; see {@link org.hbew.indicators.http.ReadTokenGate}). Without the option, the tokens
 * file's {@code reader=} line is the read token; without either, nothing is required. Demo tokens are
 * refused unless {@code HBEW_DEMO=1} (see {@link DemoTokens}).
 */
final class ReadTokenOptions {

    @Option(names = "--read-token", paramLabel = "TOKEN",
            description = {"Required of every request but /healthz and /readyz: Authorization: Bearer TOKEN.",
                    "Default: the reader= line of the tokens file, else none. Prefer HBEW_READ_TOKEN or the file:",
                    "a command line is visible to other users of the machine."})
    String readToken;

    /** The read token in force: the option's, else the tokens' {@code reader} entry, else empty (none). */
    String token(CommandSpec spec, Optional<TokenStore> tokens) {
        String token = readToken != null && !readToken.isBlank() ? readToken.strip()
                : tokens.flatMap(t -> t.token(TokenStore.READER)).orElse("");
        DemoTokens.refuseUnlessDemo(spec, token.isEmpty() ? List.of() : List.of(token));
        return token;
    }
}
