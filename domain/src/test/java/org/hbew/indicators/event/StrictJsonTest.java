package org.hbew.indicators.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the strict reader refuses that a lenient JSON reader would take, each with a reason a sender can act on. */
class StrictJsonTest {

    private static final String EVENT = "{\"city\":\"ordos\",\"value\":12.5}";

    @Test
    void shouldReadOneValue() throws Exception {
        assertThat(StrictJson.read(bytes(" " + EVENT + "\n")).get("value").doubleValue()).isEqualTo(12.5);
        assertThat(StrictJson.read(bytes("\"呼和浩特\"")).textValue()).isEqualTo("呼和浩特");
    }

    @Test
    void shouldRefuseADuplicateKeyNamingIt() {
        StrictJson.MalformedException e = malformed(bytes("{\"value\":12.5,\"unit\":\"km\",\"value\":9999}"));

        assertThat(e.fault()).isEqualTo(StrictJson.MalformedException.Fault.SYNTAX);
        assertThat(e.reason()).containsIgnoringCase("duplicate").contains("value");
        assertThat(e.line()).isEqualTo(1);
    }

    @Test
    void shouldRefuseADuplicateKeyInANestedObject() {
        assertThat(malformed(bytes("{\"payload\":{\"amount\":1,\"amount\":2}}")).reason()).contains("amount");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "{} }", "{}]", "1 2"})
    void shouldRefuseAnythingAfterTheValue(String text) {
        assertThat(malformed(bytes(text)).fault()).isEqualTo(StrictJson.MalformedException.Fault.SYNTAX);
    }

    @Test
    void shouldRefuseUtf16AndUtf32WithOrWithoutAByteOrderMark() {
        for (byte[] body : new byte[][] {
                EVENT.getBytes(StandardCharsets.UTF_16BE), EVENT.getBytes(StandardCharsets.UTF_16LE),
                EVENT.getBytes(StandardCharsets.UTF_16), EVENT.getBytes(Charset.forName("UTF-32BE")),
                EVENT.getBytes(Charset.forName("UTF-32LE")),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0}, EVENT.getBytes(Charset.forName("UTF-32LE")))}) {
            StrictJson.MalformedException e = malformed(body);

            assertThat(e.fault()).isEqualTo(StrictJson.MalformedException.Fault.ENCODING);
            assertThat(e.reason()).containsAnyOf("UTF-16", "UTF-32");
        }
    }

    @Test
    void shouldRefuseAUtf8ByteOrderMark() {
        assertThat(malformed(concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, bytes(EVENT))).reason())
                .contains("byte order mark");
    }

    @Test
    void shouldRefuseAnOverlongSpellingOfOrdos() {
        // 'o' (0x6F) written as the two bytes C1 AF: a lenient decoder reads "ordos".
        byte[] overlong = concat(bytes("{\"city\":\""), new byte[] {(byte) 0xC1, (byte) 0xAF}, bytes("rdos\"}"));

        StrictJson.MalformedException e = malformed(overlong);

        assertThat(e.fault()).isEqualTo(StrictJson.MalformedException.Fault.ENCODING);
        assertThat(e.reason()).contains("not valid UTF-8 at byte offset 9").contains("0xC1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"E080AF", "F0808080", "EDA080", "F4908080", "F5808080", "80", "C2", "E282", "FF", "C0AF"})
    void shouldRefuseInvalidOverlongSurrogateAndTruncatedSequences(String hex) {
        byte[] body = concat(bytes("\""), hex(hex), bytes("\""));

        assertThat(malformed(body).reason()).contains("not valid UTF-8 at byte offset 1");
    }

    @Test
    void shouldJudgeUtf8AsTheJdkStrictDecoderDoes() {
        Random random = new Random(20_201_127L);
        for (int i = 0; i < 40_000; i++) {
            // Up to 40 bytes, so that runs of ASCII cross the eight-byte steps of the fast path at every alignment.
            byte[] bytes = new byte[1 + random.nextInt(40)];
            int highShare = random.nextInt(4);
            boolean nul = false;
            for (int k = 0; k < bytes.length; k++) {
                int dice = random.nextInt(100);
                bytes[k] = (byte) (dice == 0 ? 0 : dice < 1 + highShare * 15 ? 0x80 + random.nextInt(0x80)
                        : 0x01 + random.nextInt(0x7F));
                nul |= bytes[k] == 0;
            }
            boolean jdk = decodesStrictly(bytes) && !nul;
            boolean ours;
            try {
                StrictJson.checkEncoding(bytes, 0, bytes.length);
                ours = true;
            } catch (StrictJson.MalformedException e) {
                ours = false;
            }
            assertThat(ours).as("verdict on %s", HexFormat.of().formatHex(bytes)).isEqualTo(jdk);
        }
    }

    @Test
    void shouldNameTheOffsetOfAFaultAnywhereInALongAsciiText() {
        for (int at = 0; at < 40; at++) {
            byte[] withNul = bytes("a".repeat(40));
            withNul[at] = 0;
            byte[] withStrayByte = bytes("a".repeat(40));
            withStrayByte[at] = (byte) 0xFF;

            assertThat(malformed(withNul).reason()).contains("NUL byte at offset " + at + ";");
            assertThat(malformed(withStrayByte).reason()).contains("at byte offset " + at + " (0xFF)");
        }
    }

    @Test
    void shouldRefuseDeepNestingAndEndlessNumbers() {
        assertThat(malformed(bytes("[".repeat(StrictJson.MAX_NESTING_DEPTH + 1))).reason()).containsIgnoringCase("depth");
        assertThat(malformed(bytes("9".repeat(StrictJson.MAX_NUMBER_LENGTH + 1))).reason()).containsIgnoringCase("length");
    }

    @Test
    void shouldQuoteNoMoreThanTheBeginningOfAnUnknownToken() {
        StrictJson.MalformedException e = malformed(bytes("{\"city\": " + "x".repeat(900_000) + "}"));

        assertThat(e.reason()).hasSizeLessThan(300);
    }

    @Test
    void shouldReadWhiteSpaceAsNothing() throws Exception {
        assertThat(StrictJson.read(bytes("  \n")).isMissingNode()).isTrue();
    }

    @Test
    void shouldCountOffsetsFromTheStartOfTheSlice() {
        byte[] body = concat(bytes("{}\n\"a"), new byte[] {(byte) 0xC0, (byte) 0x80}, bytes("\""));

        assertThatThrownBy(() -> StrictJson.read(body, 3, body.length - 3))
                .isInstanceOf(StrictJson.MalformedException.class)
                .hasMessageContaining("offset 2");
    }

    private static StrictJson.MalformedException malformed(byte[] body) {
        StrictJson.MalformedException e = catchThrowableOfType(StrictJson.MalformedException.class,
                () -> StrictJson.read(body));
        assertThat(e).as("refusal of %s", new String(body, StandardCharsets.ISO_8859_1)).isNotNull();
        return e;
    }

    private static boolean decodesStrictly(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
