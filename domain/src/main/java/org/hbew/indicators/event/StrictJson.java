package org.hbew.indicators.event;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one way bytes from outside become JSON, for the ingest gateway and the processors alike, so an event means
 * the same to both and to nobody something else: UTF-8 only (no byte order mark, no UTF-16 or UTF-32, no invalid
 * or overlong sequences, which a lenient decoder would turn into other letters), no key twice in one object (a
 * reader taking the first and another the last would count different values), nothing after the value, and
 * nesting, number and string lengths bounded so that a hostile body fails quickly instead of exhausting the stack
 * or the CPU.
 */
public final class StrictJson {

    /** An envelope nests two levels; anything deeper than this is not an event. */
    public static final int MAX_NESTING_DEPTH = 32;
    /**
     * Characters of one number. Far more than a double holds, so that a long number is still read and named by
     * the field it is in ("beyond the range of a number"); short enough that reading it costs nothing.
     */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** Of one string or key; the longest field of an envelope is a timestamp of a few dozen characters. */
    public static final int MAX_STRING_LENGTH = 64 * 1024;
    /** Of a token Jackson quotes in an error message. */
    private static final int MAX_QUOTED_TOKEN = 40;

    /**
     * Duplicate keys are found as the tree is built ({@code FAIL_ON_READING_DUP_TREE_KEY}: a key the object
     * already holds), not by the parser's {@code STRICT_DUPLICATE_DETECTION}, which keeps a hash set of the
     * names of every object it reads: a tenth of the processors' parsing time for the same answer.
     */
    private static final ObjectReader READER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxNumberLength(MAX_NUMBER_LENGTH)
                            .maxStringLength(MAX_STRING_LENGTH)
                            .build())
                    .errorReportConfiguration(ErrorReportConfiguration.builder()
                            .maxErrorTokenLength(MAX_QUOTED_TOKEN)
                            .maxRawContentLength(0)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .build()
            .reader();

    /** {@code [Source: REDACTED (...); line: 1, column: 1]} as Jackson writes a position inside a message. */
    /** Eight bytes of text at a time, for the common case of plain ASCII. */
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long LOW_BITS = 0x0101010101010101L;

    private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\[Source: .*?; line: \\d+, column: \\d+]");
    /** What Jackson adds to a duplicate key's message about the feature that refused it; the key is what matters. */
    private static final Pattern DUPLICATE_KEY_NOTE = Pattern.compile(" for `ObjectNode`: not allowed when `[^`]*` enabled");

    private StrictJson() {
    }

    /** Why some bytes are not one strict JSON value. */
    public static final class MalformedException extends Exception {

        /** Whether the bytes were not UTF-8 at all, or UTF-8 but not JSON. */
        public enum Fault { ENCODING, SYNTAX }

        private final Fault fault;
        private final long line;
        private final long column;

        MalformedException(Fault fault, String reason, long line, long column) {
            super(reason, null, false, false);
            this.fault = fault;
            this.line = line;
            this.column = column;
        }

        public Fault fault() {
            return fault;
        }

        /** What is wrong, in words, without a position. */
        public String reason() {
            return getMessage();
        }

        /** The 1-based line of a syntax fault, or -1 when unknown or an encoding fault. */
        public long line() {
            return line;
        }

        /** The 1-based column of a syntax fault, or -1 when unknown or an encoding fault. */
        public long column() {
            return column;
        }
    }

    public static JsonNode read(byte[] bytes) throws MalformedException {
        return read(bytes, 0, bytes.length);
    }

    /**
     * The one JSON value in {@code bytes[offset, offset+length)}, or the missing node when there is only white
     * space.
     */
    public static JsonNode read(byte[] bytes, int offset, int length) throws MalformedException {
        // What the gateway writes is read without Jackson's tokenizer; it is printable ASCII, so the encoding
        // check would find nothing in it either.
        JsonNode compact = CompactJson.read(bytes, offset, length);
        return compact != null ? compact : readGenerally(bytes, offset, length);
    }

    /** {@link #read(byte[], int, int)} for any bytes, through Jackson. */
    static JsonNode readGenerally(byte[] bytes, int offset, int length) throws MalformedException {
        checkEncoding(bytes, offset, length);
        try {
            return READER.readTree(bytes, offset, length);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new MalformedException(MalformedException.Fault.SYNTAX,
                    DUPLICATE_KEY_NOTE.matcher(SOURCE_NOTE.matcher(e.getOriginalMessage()).replaceAll("")).replaceAll(""),
                    at == null ? -1 : at.getLineNr(), at == null ? -1 : at.getColumnNr());
        } catch (IOException e) {
            throw new MalformedException(MalformedException.Fault.SYNTAX, "not readable as JSON", -1, -1);
        }
    }

    /**
     * Refuses anything but UTF-8 without a byte order mark. A NUL byte is refused too: JSON text never holds one
     * (a string escapes it), and it is what UTF-16 or UTF-32 text of ASCII letters looks like.
     *
     * @throws MalformedException naming the fault and its byte offset (counted from {@code offset})
     */
    public static void checkEncoding(byte[] bytes, int offset, int length) throws MalformedException {
        int end = offset + length;
        if (startsWith(bytes, offset, end, 0xEF, 0xBB, 0xBF)) {
            throw encoding("starts with a UTF-8 byte order mark; send UTF-8 without one");
        }
        if (startsWith(bytes, offset, end, 0xFE, 0xFF) || startsWith(bytes, offset, end, 0xFF, 0xFE)) {
            throw encoding("starts with a UTF-16 or UTF-32 byte order mark; only UTF-8 is accepted");
        }
        int i = offset;
        while (i < end) {
            if (i + Long.BYTES <= end && isAsciiWithoutNul((long) EIGHT_BYTES.get(bytes, i))) {
                i += Long.BYTES;
                continue;
            }
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                throw encoding("holds a NUL byte at offset " + (i - offset) + "; only UTF-8 is accepted, not UTF-16 "
                        + "or UTF-32");
            }
            if (b < 0x80) {
                i++;
                continue;
            }
            int sequence = utf8SequenceLength(bytes, i, end);
            if (sequence < 0) {
                throw encoding("is not valid UTF-8 at byte offset " + (i - offset) + " (0x"
                        + Integer.toHexString(b).toUpperCase(Locale.ROOT)
                        + "): an invalid, overlong or truncated sequence");
            }
            i += sequence;
        }
    }

    /** No byte of the eight has its high bit set, and none is zero (the usual has-a-zero-byte test). */
    private static boolean isAsciiWithoutNul(long eight) {
        return (eight & HIGH_BITS) == 0 && ((eight - LOW_BITS) & ~eight & HIGH_BITS) == 0;
    }

    /**
     * The length of the well-formed UTF-8 sequence starting at {@code i} (RFC 3629, table 3-7 of Unicode), or -1:
     * no overlong forms, no surrogates, nothing beyond U+10FFFF, nothing cut off by the end.
     */
    private static int utf8SequenceLength(byte[] bytes, int i, int end) {
        int lead = bytes[i] & 0xFF;
        int length;
        int secondMin = 0x80;
        int secondMax = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                secondMin = 0xA0;
            } else if (lead == 0xED) {
                secondMax = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                secondMin = 0x90;
            } else if (lead == 0xF4) {
                secondMax = 0x8F;
            }
        } else {
            return -1;
        }
        if (i + length > end) {
            return -1;
        }
        int second = bytes[i + 1] & 0xFF;
        if (second < secondMin || second > secondMax) {
            return -1;
        }
        for (int k = 2; k < length; k++) {
            int next = bytes[i + k] & 0xFF;
            if (next < 0x80 || next > 0xBF) {
                return -1;
            }
        }
        return length;
    }

    private static boolean startsWith(byte[] bytes, int offset, int end, int... prefix) {
        if (end - offset < prefix.length) {
            return false;
        }
        for (int k = 0; k < prefix.length; k++) {
            if ((bytes[offset + k] & 0xFF) != prefix[k]) {
                return false;
            }
        }
        return true;
    }

    private static MalformedException encoding(String reason) {
        return new MalformedException(MalformedException.Fault.ENCODING, reason, -1, -1);
    }
}
