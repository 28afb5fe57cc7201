package org.hbew.indicators.processors.query;

import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The query string of one request, read strictly: a parameter the API reads may be given once, its percent
 * escapes must be well formed and spell UTF-8. Javalin's own reading ({@code ctx.queryParam}) silently takes
 * the first of repeated values, and a malformed escape makes it throw an exception that names no parameter
 * (a 500); here each is a 400 naming the parameter. Parameters the API does not read are ignored.
 */
final class QueryString {

    private final Map<String, List<String>> values;
    private final Set<String> malformed;

    private QueryString(Map<String, List<String>> values, Set<String> malformed) {
        this.values = values;
        this.malformed = malformed;
    }

    static QueryString of(Context ctx) {
        return parse(ctx.queryString());
    }

    /** @param raw the query string as it came, without the '?'; null when there is none */
    static QueryString parse(String raw) {
        Map<String, List<String>> values = new HashMap<>();
        Set<String> malformed = new HashSet<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String rawName = equals < 0 ? pair : pair.substring(0, equals);
                String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
                Optional<String> name = decode(rawName);
                Optional<String> value = decode(rawValue);
                String key = name.orElse(rawName);
                if (name.isEmpty() || value.isEmpty()) {
                    malformed.add(key);
                }
                values.computeIfAbsent(key, k -> new ArrayList<>()).add(value.orElse(rawValue));
            }
        }
        return new QueryString(values, malformed);
    }

    /** The value of a parameter that may be left out: empty when it is absent or given empty. */
    Optional<String> optional(String name) {
        if (malformed.contains(name)) {
            throw QueryErrors.invalidParameter(name, "not a well-formed query parameter: each '%' must start an "
                    + "escape %XX and the escapes must spell UTF-8");
        }
        List<String> given = values.getOrDefault(name, List.of());
        if (given.size() > 1) {
            throw QueryErrors.invalidParameter(name, "given " + given.size() + " times; give it once");
        }
        return given.isEmpty() || given.get(0).isEmpty() ? Optional.empty() : Optional.of(given.get(0));
    }

    /** The value of a parameter that must be given. */
    String required(String name) {
        return optional(name).orElseThrow(() -> QueryErrors.invalidParameter(name, "missing"));
    }

    /**
     * Decodes {@code application/x-www-form-urlencoded} text: '+' is a space, %XX a byte, the bytes UTF-8.
     * Empty when an escape is cut short, is not hexadecimal or the bytes are not UTF-8.
     */
    private static Optional<String> decode(String raw) {
        if (raw.indexOf('%') < 0) {
            return Optional.of(raw.replace('+', ' '));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 1 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
                int low = i + 2 < raw.length() ? hex(raw.charAt(i + 2)) : -1;
                if (high < 0 || low < 0) {
                    return Optional.empty();
                }
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                int end = raw.indexOf('%', i);
                end = end < 0 ? raw.length() : end;
                bytes.writeBytes(raw.substring(i, end).replace('+', ' ').getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray())).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** The value of an ASCII hexadecimal digit, -1 for anything else (Character.digit takes other scripts' digits). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
