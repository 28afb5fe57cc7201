package org.hbew.indicators.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Who is posting, and whether they may: the one {@code Authorization: Bearer <token>} header is looked up in the
 * {@link TokenStore} (401 without a known token, or with two headers, which two proxies could read differently),
 * then every event that names a catalog city is checked against the token's city (403 listing each offending
 * index). The city check runs on the JSON as posted, before validation, so a sender learns nothing about the
 * rules of a city it may not write. A city the catalog does not know ({@code ORDOS}, {@code xian}) is nobody's
 * to write: it is left to validation, which answers 400 "unknown city" whoever asks.
 */
final class BearerAuth {

    private static final String SCHEME = "bearer ";

    private final TokenStore tokens;
    private final Set<String> cities;

    /** @param cities the catalog's city codes */
    BearerAuth(TokenStore tokens, Collection<String> cities) {
        this.tokens = tokens;
        this.cities = Set.copyOf(cities);
    }

    /** From all the request's {@code Authorization} headers. */
    TokenStore.Principal authenticate(List<String> authorizationHeaders) {
        if (authorizationHeaders.size() > 1) {
            throw IngestErrors.unauthorized("send one Authorization header, not " + authorizationHeaders.size());
        }
        TokenStore.Principal principal = authenticate(authorizationHeaders.isEmpty() ? null
                : authorizationHeaders.get(0));
        if (principal.isReader()) {
            throw IngestErrors.forbidden("the read token may not post events; use a city's token or admin's",
                    List.of());
        }
        return principal;
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

    void authorize(TokenStore.Principal principal, List<PostedEvent> events) {
        if (principal.isAdmin()) {
            return;
        }

        List<IndexedProblem> problems = new ArrayList<>();
        for (PostedEvent event : events) {
            String city = event.claimedCity();
            if (city != null && cities.contains(city) && !principal.mayWrite(city)) {
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
