package org.hbew.indicators.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hbew.indicators.event.StrictJson;

/**
 * Splits a request body into its events, keeping each event's index for the answer.
 *
 * <ul>
 *   <li>JSON: one object is event 0; an array's elements are events 0..n-1. A body that is not JSON at all has
 *       no events to point at, so it is answered as a whole: 400 {@code malformed_json} with the position of the
 *       fault, and no {@code problems}.</li>
 *   <li>NDJSON: every non-blank line is one event, and its index is its 0-based line number (blank lines keep
 *       their number, so index n is always line n+1 of the file). A line that is not JSON is a problem of that
 *       event only, reported with the others.</li>
 * </ul>
 * The body must be UTF-8 (no byte order mark, no UTF-16 or UTF-32, no invalid or overlong sequences), or it is
 * answered as a whole: 400 {@code invalid_encoding} with the byte offset. JSON is read by {@link StrictJson}, the
 * reader the processors use too: a key twice in one object and text after the first JSON value (of the body, or
 * of a line) are malformed, not resolved or ignored, and nesting depth and number length are bounded, so hostile
 * bodies fail as malformed instead of exhausting the stack or the CPU.
 */
final class BodySplitter {

    private BodySplitter() {
    }

    static List<PostedEvent> split(byte[] body, BodyFormat format, int maxEvents) {
        try {
            StrictJson.checkEncoding(body, 0, body.length);
        } catch (StrictJson.MalformedException e) {
            throw IngestErrors.invalidEncoding(e.reason());
        }
        List<PostedEvent> events = switch (format) {
            case JSON -> splitJson(body, maxEvents);
            case NDJSON -> splitNdjson(body, maxEvents);
        };
        if (events.isEmpty()) {
            throw IngestErrors.noEvents();
        }
        return events;
    }

    private static List<PostedEvent> splitJson(byte[] body, int maxEvents) {
        JsonNode root;
        try {
            root = StrictJson.read(body);
        } catch (StrictJson.MalformedException e) {
            throw IngestErrors.malformedJson("the body is not valid JSON: " + e.reason() + at(e, true));
        }
        if (root == null || root.isMissingNode()) {
            return List.of();
        }
        if (!root.isArray()) {
            return List.of(PostedEvent.parsed(0, root));
        }
        if (root.size() > maxEvents) {
            throw IngestErrors.tooManyEvents(maxEvents);
        }
        List<PostedEvent> events = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) {
            events.add(PostedEvent.parsed(i, root.get(i)));
        }
        return events;
    }

    private static List<PostedEvent> splitNdjson(byte[] body, int maxEvents) {
        List<PostedEvent> events = new ArrayList<>();
        int line = 0;
        int start = 0;
        while (start <= body.length) {
            int end = indexOf(body, (byte) '\n', start);
            int stop = end > start && body[end - 1] == '\r' ? end - 1 : end;
            if (!isBlank(body, start, stop)) {
                if (events.size() == maxEvents) {
                    throw IngestErrors.tooManyEvents(maxEvents);
                }
                events.add(parseLine(line, body, start, stop - start));
            }
            line++;
            start = end + 1;
        }
        return events;
    }

    private static PostedEvent parseLine(int line, byte[] body, int offset, int length) {
        try {
            return PostedEvent.parsed(line, StrictJson.read(body, offset, length));
        } catch (StrictJson.MalformedException e) {
            return PostedEvent.malformed(line, "line " + (line + 1) + " is not valid JSON: " + e.reason()
                    + at(e, false));
        }
    }

    /** Where the reader stopped; within an NDJSON line only the column means anything to the sender. */
    private static String at(StrictJson.MalformedException e, boolean withLine) {
        if (e.line() < 0) {
            return "";
        }
        return withLine ? " (line " + e.line() + ", column " + e.column() + ")" : " (column " + e.column() + ")";
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean isBlank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
