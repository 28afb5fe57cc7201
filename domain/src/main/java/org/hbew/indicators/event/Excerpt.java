package org.hbew.indicators.event;

/**
 * What an answer may quote of a sender's input: short values whole, long ones as their beginning and their length.
 * A refusal names what it refuses, but a 900 KB field must not come back as a 900 KB answer, nor go into a
 * dead-letter header or a log line.
 */
public final class Excerpt {

    /** For a value quoted inside a message: enough to recognise it. */
    public static final int VALUE_CHARS = 40;

    private Excerpt() {
    }

    /** {@code text} itself when it has at most {@link #VALUE_CHARS} characters, else its beginning. */
    public static String of(String text) {
        return of(text, VALUE_CHARS);
    }

    /**
     * {@code text} itself when it has at most {@code maxChars} characters, else its first {@code maxChars} (never
     * half a surrogate pair) followed by {@code …(N characters)}.
     */
    public static String of(String text, int maxChars) {
        if (text == null || text.length() <= maxChars) {
            return text;
        }
        int cut = Character.isHighSurrogate(text.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return text.substring(0, cut) + "…(" + text.length() + " characters)";
    }
}
