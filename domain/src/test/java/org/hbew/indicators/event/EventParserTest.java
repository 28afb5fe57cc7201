package org.hbew.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hbew.indicators.event.EnvelopeExamples.completedTransfer;
import static org.hbew.indicators.event.EnvelopeExamples.emergency;
import static org.hbew.indicators.event.EnvelopeExamples.plain;
import static org.hbew.indicators.event.EnvelopeExamples.settlement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventParserTest {

    private static final Catalog CATALOG = CatalogLoader.loadDefault();
    private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
    private static final EventParser PARSER = new EventParser(CATALOG,
            ValidationPolicy.edge(Duration.ofMinutes(5), Duration.ofDays(30)), Clock.fixed(NOW, ZoneOffset.UTC));

    private static ParseResult.Invalid invalid(ObjectNode node) {
        ParseResult result = PARSER.parse(node);
        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        return (ParseResult.Invalid) result;
    }

    @Test
    void shouldParseAPlainIndicatorEvent() {
        ParseResult result = PARSER.parse(plain());

        assertThat(result).isEqualTo(new ParseResult.Valid(EventEnvelope.plain(
                UUID.fromString("3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b"), "ordos", 2, "road_km_opened",
                OffsetDateTime.parse("2026-11-27T09:30:00+08:00"), 12.5, "km")));
    }

    @Test
    void shouldParseAMedicalSettlementWithItsTypedPayload() {
        ParseResult result = PARSER.parse(settlement());

        assertThat(result).isInstanceOf(ParseResult.Valid.class);
        EventEnvelope event = ((ParseResult.Valid) result).event();
        assertThat(event.payload()).isEqualTo(new MedicalSettlement("ordos", "hohhot", 3250.75, true,
                OffsetDateTime.parse("2026-11-27T08:00:00+08:00"), OffsetDateTime.parse("2026-11-27T08:20:00+08:00")));
        assertThat(event.value()).isNull();
        assertThat(event.rawKey()).isEqualTo("18:ordos");
    }

    @Test
    void shouldParsePensionAndEmergencyFlows() {
        ObjectNode pension = completedTransfer();
        ObjectNode emergency = emergency();

        assertThat(PARSER.parse(pension)).isInstanceOf(ParseResult.Valid.class);
        assertThat(PARSER.parse(emergency)).isInstanceOf(ParseResult.Valid.class);
        PensionTransfer transfer = (PensionTransfer) ((ParseResult.Valid) PARSER.parse(pension)).event().payload();
        assertThat(transfer.completionDays()).isEqualTo(7.0);
    }

    @Test
    void shouldReportEveryMissingAndWronglyTypedFieldWithItsName() {
        ObjectNode e = plain();
        e.remove("eventId");
        e.put("item", "two");
        e.put("value", "twelve");
        e.put("colour", "red");

        assertThat(invalid(e).problems())
                .extracting(Problem::field)
                .containsExactlyInAnyOrder("eventId", "item", "value", "colour");
        assertThat(invalid(e).problems()).allMatch(p -> p.kind() == Problem.Kind.SCHEMA);
        assertThat(invalid(e).problems()).contains(
                new Problem(Problem.Kind.SCHEMA, "eventId", "is required"),
                new Problem(Problem.Kind.SCHEMA, "colour", "is not a property of envelope v1"));
    }

    @Test
    void shouldRejectAnUnknownSchemaVersionNamingTheSupportedOnes() {
        ObjectNode e = plain();
        e.put("schemaVersion", 2);

        assertThat(invalid(e).problems()).containsExactly(new Problem(Problem.Kind.UNSUPPORTED_VERSION,
                "schemaVersion", "version 2 is not supported; supported versions: [1]"));
    }

    @Test
    void shouldListTheCatalogAndTimeProblemsTooWhenTheShapeIsWrong() {
        // A malformed eventId (a schema problem) must not hide what is wrong with the other fields
        ObjectNode e = plain();
        e.put("eventId", "x");
        e.put("occurredAt", "2026-13-01T00:00:00Z");
        e.put("value", -1);
        e.put("unit", "m");

        assertThat(invalid(e).problems()).extracting(Problem::field, Problem::kind).containsExactly(
                tuple("eventId", Problem.Kind.SCHEMA),
                tuple("occurredAt", Problem.Kind.TIME),
                tuple("unit", Problem.Kind.VALUE),
                tuple("value", Problem.Kind.VALUE));
    }

    @Test
    void shouldCheckAFlowPayloadAlthoughAnotherFieldIsMalformed() {
        ObjectNode e = settlement();
        e.put("eventId", "x");
        ((ObjectNode) e.get("payload")).put("treatmentCity", "ordos");

        assertThat(invalid(e).problems()).extracting(Problem::field, Problem::kind).containsExactly(
                tuple("eventId", Problem.Kind.SCHEMA),
                tuple("payload", Problem.Kind.FLOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b\n", "3f8b0c5e9a1d4c1e8f2a0d6b1e2c3a4b",
            "{3f8b0c5e-9a1d-4c1e-8f2a-0d6b1e2c3a4b}"})
    void shouldRejectAnEventIdThatIsNotAUuid(String eventId) {
        ObjectNode e = plain();
        e.put("eventId", eventId);

        assertThat(invalid(e).problems()).extracting(Problem::field).containsExactly("eventId");
    }

    @Test
    void shouldRejectAnIndicatorOfAnotherItemListingTheRightOnes() {
        ObjectNode e = plain();
        e.put("indicator", "raw_milk_output");

        assertThat(invalid(e).problems()).containsExactly(new Problem(Problem.Kind.CATALOG, "indicator",
                "'raw_milk_output' is not an indicator of item 2; its indicators: [road_link_progress, road_km_opened]"));
    }

    @Test
    void shouldRejectADerivedIndicatorPostedAsAPlainValue() {
        ObjectNode e = plain();
        e.put("item", 18);
        e.put("indicator", "direct_settlement_rate");
        e.put("unit", "ratio");
        e.put("value", 0.9);

        assertThat(invalid(e).problems()).extracting(Problem::message)
                .containsExactly("'direct_settlement_rate' is derived from medical.settlement events; post those instead");
    }

    @Test
    void shouldRejectAWrongUnitAndAnOutOfRangeValueTogether() {
        ObjectNode e = plain();
        e.put("indicator", "road_link_progress");
        e.put("unit", "km");
        e.put("value", 130);

        assertThat(invalid(e).problems()).extracting(Problem::field, Problem::kind).containsExactly(
                org.assertj.core.groups.Tuple.tuple("unit", Problem.Kind.VALUE),
                org.assertj.core.groups.Tuple.tuple("value", Problem.Kind.VALUE));
    }

    @Test
    void shouldRejectAFractionOfACount() {
        ObjectNode e = plain();
        e.put("item", 14);
        e.put("indicator", "school_pairs");
        e.put("unit", "count");
        e.put("value", 2.5);

        assertThat(invalid(e).problems()).extracting(Problem::message)
                .containsExactly("2.5 must be a whole number of count");
    }

    @Test
    void shouldRejectEventsTooFarInTheFutureOrThePast() {
        ObjectNode future = plain();
        future.put("occurredAt", "2026-11-27T02:10:00Z");
        ObjectNode old = plain();
        old.put("occurredAt", "2026-10-01T00:00:00Z");

        assertThat(invalid(future).problems()).extracting(Problem::message)
                .containsExactly("is 10m in the future; at most 5m of clock skew is accepted");
        assertThat(invalid(old).problems()).extracting(Problem::message)
                .containsExactly("is 57d old; events older than 30d are not accepted");
    }

    @Test
    void shouldAcceptOldEventsWhenTimeBoundsAreOff() {
        ObjectNode old = plain();
        old.put("occurredAt", "2020-10-01T00:00:00+08:00");
        EventParser replay = new EventParser(CATALOG, ValidationPolicy.withoutTimeBounds(), Clock.systemUTC());

        assertThat(replay.parse(old)).isInstanceOf(ParseResult.Valid.class);
    }

    @Test
    void shouldRejectAFlowWithinOneCityAndAReporterOutsideTheFlow() {
        ObjectNode sameCity = settlement();
        ((ObjectNode) sameCity.get("payload")).put("treatmentCity", "ordos");
        ObjectNode outsider = settlement();
        outsider.put("city", "baotou");

        assertThat(invalid(sameCity).problems()).extracting(Problem::field).containsExactly("payload");
        assertThat(invalid(outsider).problems()).extracting(Problem::message)
                .containsExactly("must be one of the flow's cities (ordos, hohhot), not baotou");
    }

    @Test
    void shouldRejectTimesInTheWrongOrder() {
        ObjectNode e = settlement();
        ((ObjectNode) e.get("payload")).put("settledAt", "2026-11-27T07:00:00+08:00");

        assertThat(invalid(e).problems()).containsExactly(
                new Problem(Problem.Kind.FLOW, "payload.settledAt", "is before dischargedAt"));
    }

    @Test
    void shouldRejectAnAmountBeyondTheRangeOfANumberWrittenAsAWholeNumber() {
        // 1 followed by 400 zeros is a valid JSON integer, but no double holds it: it would be summed as infinity
        ObjectNode e = settlement();
        ((ObjectNode) e.get("payload")).put("amount", java.math.BigInteger.TEN.pow(400));

        ParseResult result = PARSER.parse(e.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(result).isInstanceOf(ParseResult.Invalid.class);
        assertThat(((ParseResult.Invalid) result).problems()).extracting(Problem::field, Problem::kind)
                .containsExactly(tuple("payload.amount", Problem.Kind.VALUE));
    }

    @Test
    void shouldRejectANegativeAmountAndACompletedTransferWithoutCompletion() {
        ObjectNode e = settlement();
        ((ObjectNode) e.get("payload")).put("amount", -1);
        ObjectNode pension = completedTransfer();
        ((ObjectNode) pension.get("payload")).remove("completedAt");

        assertThat(invalid(e).problems()).extracting(Problem::field).containsExactly("payload.amount");
        assertThat(invalid(pension).problems()).extracting(Problem::field).containsExactly("payload.completedAt");
    }

    @Test
    void shouldRejectAValueOnAFlowEventAndAPayloadOnAPlainOne() {
        ObjectNode flowWithValue = settlement();
        flowWithValue.put("value", 3);
        ObjectNode plainWithPayload = plain();
        plainWithPayload.putObject("payload");

        assertThat(invalid(flowWithValue).problems()).containsExactly(new Problem(Problem.Kind.SCHEMA, "value",
                "only plain indicators carry value and unit; a flow event carries a payload"));
        assertThat(invalid(plainWithPayload).problems()).extracting(Problem::field).containsExactly("payload");
    }

    @Test
    void shouldReportNumbersBeyondTheRangeOfADoubleInsteadOfFailing() {
        ParseResult result = PARSER.parse(("{\"schemaVersion\": 1e999999, \"value\": -1e309, "
                + "\"payload\": {\"amount\": [1, 2e400]}}").getBytes(StandardCharsets.UTF_8));

        assertThat(((ParseResult.Invalid) result).problems()).extracting(Problem::kind, Problem::field)
                .containsExactly(tuple(Problem.Kind.VALUE, "schemaVersion"), tuple(Problem.Kind.VALUE, "value"),
                        tuple(Problem.Kind.VALUE, "payload.amount.1"));
    }

    @Test
    void shouldExplainMalformedJsonAndNonObjects() {
        ParseResult broken = PARSER.parse("{\"city\": ".getBytes(StandardCharsets.UTF_8));
        ParseResult array = PARSER.parse("[1,2]".getBytes(StandardCharsets.UTF_8));

        assertThat(((ParseResult.Invalid) broken).reason()).isEqualTo(Problem.Kind.MALFORMED_JSON);
        assertThat(((ParseResult.Invalid) array).problems()).extracting(Problem::message)
                .containsExactly("an event must be a JSON object, not array");
    }

    /** The processors read raw records through {@link EventParser#parse(byte[])}: the same rules as ingest. */
    @Test
    void shouldRefuseADuplicateKeyInsteadOfLettingTheLastOneWin() {
        String json = plain().toString().replace("\"value\":12.5", "\"value\":12.5,\"value\":9999");

        ParseResult.Invalid result = (ParseResult.Invalid) PARSER.parse(json.getBytes(StandardCharsets.UTF_8));

        assertThat(result.reason()).isEqualTo(Problem.Kind.MALFORMED_JSON);
        assertThat(result.problems().get(0).message()).containsIgnoringCase("duplicate").contains("value");
    }

    @Test
    void shouldRefuseAValidEventFollowedByTrailingGarbage() {
        for (String garbage : new String[] {" garbage", "{}", "\n{\"a\":1}", "]"}) {
            ParseResult result = PARSER.parse((plain() + garbage).getBytes(StandardCharsets.UTF_8));

            assertThat(result).as(garbage).isInstanceOf(ParseResult.Invalid.class);
            assertThat(((ParseResult.Invalid) result).reason()).isEqualTo(Problem.Kind.MALFORMED_JSON);
        }
    }

    @Test
    void shouldRefuseUtf16AndUtf32AndAByteOrderMark() {
        for (byte[] record : new byte[][] {plain().toString().getBytes(StandardCharsets.UTF_16LE),
                plain().toString().getBytes(StandardCharsets.UTF_16), plain().toString().getBytes(
                        Charset.forName("UTF-32BE")), ("\uFEFF" + plain()).getBytes(StandardCharsets.UTF_8)}) {
            ParseResult.Invalid result = (ParseResult.Invalid) PARSER.parse(record);

            assertThat(result.reason()).isEqualTo(Problem.Kind.MALFORMED_JSON);
            assertThat(result.problems().get(0).message()).contains("the record").containsAnyOf("UTF-16", "byte order mark");
        }
    }

    @Test
    void shouldRefuseAnOverlongSequenceThatALenientDecoderReadsAsOrdos() {
        byte[] json = plain().toString().getBytes(StandardCharsets.UTF_8);
        String text = new String(json, StandardCharsets.ISO_8859_1);
        int o = text.indexOf("\"ordos\"") + 1;
        byte[] overlong = new byte[json.length + 1];
        System.arraycopy(json, 0, overlong, 0, o);
        overlong[o] = (byte) 0xC1;
        overlong[o + 1] = (byte) 0xAF;
        System.arraycopy(json, o + 1, overlong, o + 2, json.length - o - 1);

        ParseResult.Invalid result = (ParseResult.Invalid) PARSER.parse(overlong);

        assertThat(result.problems().get(0).message()).contains("not valid UTF-8");
    }

    @Test
    void shouldRefuseTheNilAndMaxUuids() {
        for (String id : new String[] {"00000000-0000-0000-0000-000000000000", "FFFFFFFF-ffff-ffff-ffff-ffffffffffff"}) {
            ObjectNode e = plain().put("eventId", id);

            assertThat(invalid(e).problems()).extracting(Problem::field, Problem::kind)
                    .containsExactly(tuple("eventId", Problem.Kind.VALUE));
        }
    }

    @Test
    void shouldCallACityInAnotherCaseAnUnknownCity() {
        for (ObjectNode e : new ObjectNode[] {plain().put("city", "ORDOS"), plain().put("city", "Ordos"),
                plain().put("city", "xian")}) {
            assertThat(invalid(e).problems()).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("city");
                assertThat(p.message()).startsWith("unknown city '" + e.get("city").asText() + "'");
            });
        }
        ObjectNode payloadCity = settlement();
        ((ObjectNode) payloadCity.get("payload")).put("insuredCity", "Hohhot");
        assertThat(invalid(payloadCity).problems()).extracting(Problem::field, Problem::message)
                .contains(tuple("payload.insuredCity", "unknown city 'Hohhot'; known: [hohhot, baotou, ordos, "
                        + "ulanqab], in lower case"));
    }

    @Test
    void shouldNeverEchoALargeValueOrKey() {
        String huge = "x".repeat(900_000);
        ObjectNode e = plain().put("city", huge).put("unit", huge).put("occurredAt", huge);
        e.put(huge, 1);

        ParseResult.Invalid result = invalid(e);

        assertThat(result.problems()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(p -> {
            assertThat(p.field().length()).isLessThanOrEqualTo(Problem.MAX_FIELD_CHARS + 30);
            assertThat(p.message().length()).isLessThanOrEqualTo(Problem.MAX_MESSAGE_CHARS + 30);
        });
        assertThat(result.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .startsWith("unknown city 'xxxxxxxx").contains("(900000 characters)"));
    }
}
