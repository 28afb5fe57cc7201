package org.hbew.indicators.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Who is posting, and whether they may: the {@code Authorization: Bearer <token>} header is looked up in the
 * {@link TokenStore} (401 without a known token), then every event that names a city is checked against the
 * token's city (403 listing each offending index). The city check runs on the JSON as posted, before
 * validation, so a sender learns nothing about the rules of a city it may not write.
 */
final class BearerAuth {

    private static final String SCHEME = "bearer ";

    private final TokenStore tokens;

    BearerAuth(TokenStore tokens) {
        this.tokens = tokens;
    }

    TokenStore.Principal authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw IngestErrors.unauthorized("a bearer token is required: Authorization: Bearer <token>");
        }
        String header = authorizationHeader.strip();
        if (!header.toLowerCase(Locale.ROOT).startsWith(SCHEME)) {
            throw IngestErrors.unauthorized("only bearer tokens are accepted: Authorization: Bearer <token>");
        }
        return tokens.authenticate(header.substring(SCHEME.length()).strip())
                .orElseThrow(() -> IngestErrors.unauthorized("the bearer token is not valid"));
    }

    static void authorize(TokenStore.Principal principal, List<PostedEvent> events) {
        if (principal.isAdmin()) {
            return;
        }
        List<IndexedProblem> problems = new ArrayList<>();
        for (PostedEvent event : events) {
            String city = event.claimedCity();
            if (city != null && !principal.mayWrite(city)) {
                problems.add(new IndexedProblem(event.index(), "city", "the token of " + principal.name()
                        + " may not write events of '" + city + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw IngestErrors.forbidden("the token of " + principal.name() + " may write only " + principal.name()
                    + "'s events; none was accepted", problems);
        }
    }
}
