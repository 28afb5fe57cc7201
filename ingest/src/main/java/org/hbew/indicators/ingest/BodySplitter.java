package org.hbew.indicators.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.hbew.indicators.json.Json;

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
 * Text after the first JSON value (of the body, or of a line) is malformed, not ignored. Jackson's read
 * constraints bound nesting depth and number length, so hostile bodies fail as malformed instead of exhausting
 * the stack or the CPU.
 */
final class BodySplitter {

    private static final ObjectReader READER = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** {@code [Source: REDACTED (...); line: 1, column: 1]} as Jackson writes a position inside a message. */
    private static final Pattern SOURCE_NOTE = Pattern.compile("\\[Source: .*?; (line: \\d+, column: \\d+)]");

    private BodySplitter() {
    }

    static List<PostedEvent> split(byte[] body, BodyFormat format, int maxEvents) {
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
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw IngestErrors.malformedJson("the body is not valid JSON: " + reason(e) + at(e, true));
        } catch (IOException e) {
            throw IngestErrors.malformedJson("the body is not readable as JSON");
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
            return PostedEvent.parsed(line, READER.readTree(body, offset, length));
        } catch (JsonProcessingException e) {
            return PostedEvent.malformed(line, "line " + (line + 1) + " is not valid JSON: " + reason(e) + at(e, false));
        } catch (IOException e) {
            return PostedEvent.malformed(line, "line " + (line + 1) + " is not readable as JSON");
        }
    }

    /** Jackson's words, without its note that it does not quote the source. */
    private static String reason(JsonProcessingException e) {
        return SOURCE_NOTE.matcher(e.getOriginalMessage()).replaceAll("$1");
    }

    /** Where Jackson stopped; within an NDJSON line only the column means anything to the sender. */
    private static String at(JsonProcessingException e, boolean withLine) {
        JsonLocation location = e.getLocation();
        if (location == null) {
            return "";
        }
        return withLine
                ? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"
                : " (column " + location.getColumnNr() + ")";
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
