package org.hbew.indicators.ingest;

import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.hbew.indicators.event.Problem;
import org.hbew.indicators.http.ApiError;
import org.junit.jupiter.api.Test;

class BodySplitterTest {

    private static List<PostedEvent> split(String body, BodyFormat format) {
        return BodySplitter.split(body.getBytes(UTF_8), format, 10);
    }

    @Test
    void shouldTakeASingleObjectAsEventZero() {
        List<PostedEvent> events = split("{\"city\":\"hohhot\"}", BodyFormat.JSON);

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.index()).isZero();
            assertThat(e.claimedCity()).isEqualTo("hohhot");
        });
    }

    @Test
    void shouldIndexTheElementsOfAnArray() {
        List<PostedEvent> events = split("[{\"city\":\"a\"}, {\"city\":\"b\"}, 7]", BodyFormat.JSON);

        assertThat(events).extracting(PostedEvent::index).containsExactly(0, 1, 2);
        assertThat(events).extracting(PostedEvent::claimedCity).containsExactly("a", "b", null);
        assertThat(events).noneMatch(PostedEvent::isMalformed);
    }

    @Test
    void shouldIndexNdjsonByLineNumberSkippingBlankLines() {
        String body = "{\"city\":\"a\"}\r\n\n   \n{\"city\":\"b\"}\n\t\n{\"city\":\"c\"}";

        List<PostedEvent> events = split(body, BodyFormat.NDJSON);

        assertThat(events).extracting(PostedEvent::index).containsExactly(0, 3, 5);
        assertThat(events).extracting(PostedEvent::claimedCity).containsExactly("a", "b", "c");
    }

    @Test
    void shouldReportAMalformedNdjsonLineAtItsIndexAndKeepTheOthers() {
        String body = "{\"city\":\"a\"}\n{\"city\": \"b\"\n{\"city\":\"c\"} trailing\n{\"city\":\"d\"}\n";

        List<PostedEvent> events = split(body, BodyFormat.NDJSON);

        assertThat(events).extracting(PostedEvent::index).containsExactly(0, 1, 2, 3);
        assertThat(events).extracting(PostedEvent::isMalformed).containsExactly(false, true, true, false);
        assertThat(events.get(1).malformed()).satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Problem.Kind.MALFORMED_JSON);
            assertThat(p.message()).startsWith("line 2 is not valid JSON");
        });
    }

    @Test
    void shouldRefuseAMalformedJsonBodyAsAWhole() {
        assertThatThrownBy(() -> split("[{\"city\":\"a\"},", BodyFormat.JSON))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("malformed_json");
                    assertThat(e.problems()).isNull();
                    assertThat(e.getMessage()).contains("line 1").doesNotContain("Source");
                });
        assertThatThrownBy(() -> split("{} {}", BodyFormat.JSON))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .extracting(ApiError::code).isEqualTo("malformed_json");
    }

    @Test
    void shouldRefuseBodiesWithoutEvents() {
        for (String body : List.of("", "  \n", "[]")) {
            assertThatThrownBy(() -> split(body, BodyFormat.JSON))
                    .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                    .extracting(ApiError::code).isEqualTo("no_events");
        }
        assertThatThrownBy(() -> split("\n\r\n \n", BodyFormat.NDJSON))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .extracting(ApiError::code).isEqualTo("no_events");
    }

    @Test
    void shouldRefuseMoreEventsThanTheLimitInEitherFormat() {
        String eleven = "{}\n".repeat(11);
        String elevenInAnArray = "[" + "{},".repeat(10) + "{}]";

        assertThatThrownBy(() -> split(eleven, BodyFormat.NDJSON))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.status()).isEqualTo(413))
                .extracting(ApiError::code).isEqualTo("too_many_events");
        assertThatThrownBy(() -> split(elevenInAnArray, BodyFormat.JSON))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .extracting(ApiError::code).isEqualTo("too_many_events");
        assertThat(split("{}\n".repeat(10), BodyFormat.NDJSON)).hasSize(10);
    }

    @Test
    void shouldTreatHostileNestingAndNumbersAsMalformedNotAsACrash() {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        String longNumber = "{\"value\": 1" + "0".repeat(5_000) + "}";

        assertThatThrownBy(() -> split(deep, BodyFormat.JSON))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .extracting(ApiError::code).isEqualTo("malformed_json");
        assertThat(split(longNumber, BodyFormat.NDJSON)).singleElement().matches(PostedEvent::isMalformed);
    }

    @Test
    void shouldRefuseADuplicateKeyInTheBodyOrInALine() {
        String duplicate = "{\"city\":\"a\",\"value\":12.5,\"value\":9999}";

        assertThatThrownBy(() -> split("[" + duplicate + "]", BodyFormat.JSON))
                .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                .satisfies(e -> assertThat(e.getMessage()).containsIgnoringCase("duplicate").contains("value"))
                .extracting(ApiError::code).isEqualTo("malformed_json");
        assertThat(split("{}\n" + duplicate, BodyFormat.NDJSON)).extracting(PostedEvent::isMalformed)
                .containsExactly(false, true);
    }

    @Test
    void shouldRefuseABodyThatIsNotUtf8AsAWhole() {
        byte[][] bodies = {
                "{\"city\":\"a\"}".getBytes(UTF_16LE),
                ("\uFEFF{\"city\":\"a\"}").getBytes(UTF_8),
                {'{', '"', 'c', '"', ':', '"', (byte) 0xC1, (byte) 0xAF, '"', '}'}};
        for (byte[] body : bodies) {
            for (BodyFormat format : BodyFormat.values()) {
                assertThatThrownBy(() -> BodySplitter.split(body, format, 10))
                        .asInstanceOf(InstanceOfAssertFactories.type(ApiError.class))
                        .satisfies(e -> assertThat(e.status()).isEqualTo(400))
                        .satisfies(e -> assertThat(e.getMessage()).startsWith("the body "))
                        .extracting(ApiError::code).isEqualTo("invalid_encoding");
            }
        }
    }
}
