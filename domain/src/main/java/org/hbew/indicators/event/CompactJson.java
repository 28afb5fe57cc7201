package org.hbew.indicators.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the JSON that the ingest gateway writes to hbew.events.raw, and only that, without Jackson's tokenizer:
 * one object of objects, strings, numbers and literals, no white space, printable ASCII without escapes. For
 * such bytes it builds the very tree {@link StrictJson} would (same node types, same values); for anything else
 * it answers null and {@link StrictJson} reads the bytes the general way, which also words what is wrong.
 *
 * <p>Why: reading the record with Jackson was a fifth of the processors' stream thread (docs/benchmarks.md), and
 * every record the gateway writes has this shape. {@code CompactJsonTest} holds the two readers to the same tree
 * on the gateway's envelopes and on random byte-level mutations of them.
 */
final class CompactJson {

    /** Deeper objects are left to the general reader; an envelope nests two levels. */
    private static final int MAX_DEPTH = 4;
    /** Integers of up to 18 digits fit a long; longer ones (and their node types) are left to Jackson. */
    private static final int MAX_INTEGER_DIGITS = 18;
    /** Longer strings and names are left to Jackson, which bounds them; the longest of an envelope is a few dozen. */
    private static final int MAX_STRING_LENGTH = 1024;
    /** Longer numbers are left to Jackson, which bounds and names them. */
    private static final int MAX_NUMBER_LENGTH = 32;
    /**
     * Short texts met before (field names, cities, indicator codes, units), each kept as one String, so that a
     * record does not make them anew and their hash codes (every lookup of a city or code needs one) are computed
     * once. Bounded, and only texts up to {@link #MAX_VOCABULARY_LENGTH} characters that do not start with a digit
     * (so not the event ids and date-times, which differ from record to record); once full, texts are made as usual.
     */
    private static final String[] VOCABULARY = new String[1024];
    private static final int MAX_VOCABULARY_ENTRIES = 512;
    private static final int MAX_VOCABULARY_LENGTH = 32;
    private static final int MAX_PROBES = 8;
    private static final AtomicInteger VOCABULARY_SIZE = new AtomicInteger();

    private final byte[] bytes;
    private final int end;
    private int pos;

    private CompactJson(byte[] bytes, int offset, int length) {
        this.bytes = bytes;
        this.pos = offset;
        this.end = offset + length;
    }

    /** The object in {@code bytes[offset, offset+length)}, or null when it is not in the compact form read here. */
    static JsonNode read(byte[] bytes, int offset, int length) {
        CompactJson reader = new CompactJson(bytes, offset, length);
        if (length < 2 || bytes[offset] != '{') {
            return null;
        }
        ObjectNode object = reader.object(1);
        return object != null && reader.pos == reader.end ? object : null;
    }

    /** The object starting at {@code pos} (its opening brace), or null. */
    private ObjectNode object(int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        pos++;
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        if (pos < end && bytes[pos] == '}') {
            pos++;
            return object;
        }
        while (true) {
            String name = string();
            if (name == null || pos >= end || bytes[pos] != ':') {
                return null;
            }
            pos++;
            JsonNode value = value(depth);
            // A key twice is for the general reader to refuse, in its words.
            if (value == null || object.replace(name, value) != null) {
                return null;
            }
            if (pos >= end) {
                return null;
            }
            byte next = bytes[pos++];
            if (next == '}') {
                return object;
            }
            if (next != ',') {
                return null;
            }
        }
    }

    private JsonNode value(int depth) {
        if (pos >= end) {
            return null;
        }
        byte first = bytes[pos];
        return switch (first) {
            case '"' -> {
                String text = string();
                yield text == null ? null : TextNode.valueOf(text);
            }
            case '{' -> object(depth + 1);
            case 't' -> literal("true", BooleanNode.TRUE);
            case 'f' -> literal("false", BooleanNode.FALSE);
            case 'n' -> literal("null", NullNode.getInstance());
            default -> first == '-' || first >= '0' && first <= '9' ? number() : null;
        };
    }

    /** A string (a name or a value) starting at its opening quote, or null. */
    private String string() {
        if (pos >= end || bytes[pos] != '"') {
            return null;
        }
        int start = pos + 1;
        int close = closingQuote(bytes, start, end, MAX_STRING_LENGTH);
        if (close < 0) {
            return null;
        }
        pos = close + 1;
        return text(start, close - start);
    }

    /**
     * The text of printable ASCII at {@code bytes[start, start+length)}: from the vocabulary if it is there, else
     * made, and added to the vocabulary if it belongs there and there is room. The vocabulary is shared by all
     * threads without a lock: a String is safe to publish through a race, and at worst a text is made twice.
     */
    private String text(int start, int length) {
        if (length > MAX_VOCABULARY_LENGTH || length == 0 || isDigit(bytes[start])) {
            return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
        }
        int hash = 0;
        for (int i = start; i < start + length; i++) {
            hash = 31 * hash + bytes[i];
        }
        int mask = VOCABULARY.length - 1;
        int slot = (hash ^ (hash >>> 16)) & mask;
        for (int probe = 0; probe < MAX_PROBES; probe++, slot = (slot + 1) & mask) {
            String known = VOCABULARY[slot];
            if (known == null) {
                String made = new String(bytes, start, length, StandardCharsets.ISO_8859_1);
                if (VOCABULARY_SIZE.get() < MAX_VOCABULARY_ENTRIES) {
                    VOCABULARY[slot] = made;
                    VOCABULARY_SIZE.incrementAndGet();
                }
                return made;
            }
            if (known.hashCode() == hash && sameText(known, start, length)) {
                return known;
            }
        }
        return new String(bytes, start, length, StandardCharsets.ISO_8859_1);
    }

    /**
     * The index of the quote that ends a string whose text starts at {@code start}, or -1: for an escape, a control
     * character or a non-ASCII byte (the general reader's to read), or no quote within {@code maxLength} characters
     * and before {@code end}. Shared with {@link CompactEnvelope}, which reads the same strings.
     */
    static int closingQuote(byte[] bytes, int start, int end, int maxLength) {
        int stop = (int) Math.min(end, start + (long) maxLength + 1);
        for (int i = start; i < stop; i++) {
            byte b = bytes[i];
            if (b == '"') {
                return i;
            }
            if (b < 0x20 || b == '\\' || b == 0x7F) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The index just past the number that starts at {@code start} in JSON's grammar,
     * {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}, or -1 if none does. Shared with {@link CompactEnvelope}.
     */
    static int numberEnd(byte[] bytes, int start, int end) {
        int i = start;
        if (i < end && bytes[i] == '-') {
            i++;
        }
        int intStart = i;
        while (i < end && isDigit(bytes[i])) {
            i++;
        }
        if (i == intStart || i - intStart > 1 && bytes[intStart] == '0') {
            return -1;
        }
        if (i < end && bytes[i] == '.') {
            int fractionStart = ++i;
            while (i < end && isDigit(bytes[i])) {
                i++;
            }
            if (i == fractionStart) {
                return -1;
            }
        }
        if (i < end && (bytes[i] == 'e' || bytes[i] == 'E')) {
            i++;
            if (i < end && (bytes[i] == '+' || bytes[i] == '-')) {
                i++;
            }
            int exponentStart = i;
            while (i < end && isDigit(bytes[i])) {
                i++;
            }
            if (i == exponentStart) {
                return -1;
            }
        }
        return i;
    }

    private JsonNode literal(String word, JsonNode node) {
        int length = word.length();
        if (pos + length > end) {
            return null;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[pos + i] != word.charAt(i)) {
                return null;
            }
        }
        pos += length;
        return node;
    }

    /**
     * JSON's number grammar, {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?}: an integer becomes an int or
     * a long node, anything with a fraction or an exponent a double node, as Jackson makes them. An integer negative
     * zero, integers of more than 18 digits and numbers a double cannot hold are left to Jackson.
     */
    private JsonNode number() {
        int start = pos;
        int i = numberEnd(bytes, start, end);
        if (i < 0) {
            return null;
        }
        int intStart = bytes[start] == '-' ? start + 1 : start;
        int intDigits = 0;
        while (intStart + intDigits < i && isDigit(bytes[intStart + intDigits])) {
            intDigits++;
        }
        boolean integral = intStart + intDigits == i;
        if (i - start > MAX_NUMBER_LENGTH) {
            return null;
        }
        pos = i;
        if (integral) {
            if (intDigits > MAX_INTEGER_DIGITS || bytes[start] == '-' && bytes[intStart] == '0') {
                return null;
            }
            long value = 0;
            for (int k = intStart; k < i; k++) {
                value = value * 10 + (bytes[k] - '0');
            }
            value = bytes[start] == '-' ? -value : value;
            return value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE ? IntNode.valueOf((int) value)
                    : LongNode.valueOf(value);
        }
        double value = Double.parseDouble(new String(bytes, start, i - start, StandardCharsets.ISO_8859_1));
        return Double.isFinite(value) ? DoubleNode.valueOf(value) : null;
    }

    /** Whether the ASCII {@code text} is written at {@code bytes[start, start+length)}. */
    private boolean sameText(String text, int start, int length) {
        if (text.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (bytes[start + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }
}
