package org.hbew.indicators.processors.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hbew.indicators.http.ApiError;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void shouldDecodeEscapesAndPlusAsFormsDo() {
        QueryString query = QueryString.parse("at=2026-11-27T10%3A00%3A00%2B08%3A00&city=%E5%91%BC&note=a+b");

        assertThat(query.optional("at")).contains("2026-11-27T10:00:00+08:00");
        assertThat(query.optional("city")).contains("\u547c");
        assertThat(query.optional("note")).contains("a b");
    }

    @Test
    void shouldTreatAbsentAndEmptyAlikeAndRequireWhatIsRequired() {
        QueryString query = QueryString.parse("window=&flag");

        assertThat(query.optional("window")).isEmpty();
        assertThat(query.optional("flag")).isEmpty();
        assertThat(query.optional("from")).isEmpty();
        assertThat(QueryString.parse(null).optional("from")).isEmpty();
        assertRefused(() -> query.required("first"), "first: missing");
        assertRefused(() -> query.required("window"), "window: missing");
    }

    @Test
    void shouldRefuseAParameterGivenMoreThanOnceEvenWhenOneIsEmpty() {
        assertRefused(() -> QueryString.parse("window=1h&window=1d").optional("window"), "window: given 2 times");
        assertRefused(() -> QueryString.parse("window=1h&from=x&window=").optional("window"), "window: given 2 times");
        assertThat(QueryString.parse("window=1h&&&from=x").optional("window")).contains("1h");
    }

    @Test
    void shouldRefuseMalformedEscapesAndBytesThatAreNotUtf8NamingTheParameter() {
        for (String value : new String[] {"%", "%z", "%zz", "1h%", "%FF", "%E0%A4", "%C0%AF", "%\u0662\u0662"}) {
            QueryString query = QueryString.parse("window=" + value + "&from=2026-11-27T02:00:00Z");

            assertRefused(() -> query.optional("window"), "window: not a well-formed query parameter");
            assertThat(query.optional("from")).as(value).contains("2026-11-27T02:00:00Z");
        }
    }

    @Test
    void shouldIgnoreParametersTheApiDoesNotReadEvenWhenMalformed() {
        QueryString query = QueryString.parse("_=%&x=1&x=2&window=1d");

        assertThat(query.optional("window")).contains("1d");
    }

    private static void assertRefused(Runnable read, String messageStart) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(ApiError.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("invalid_parameter");
            assertThat(e.getMessage()).startsWith(messageStart);
        });
    }
}
