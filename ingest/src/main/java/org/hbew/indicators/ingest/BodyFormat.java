package org.hbew.indicators.ingest;

import java.util.List;
import java.util.Locale;
import org.hbew.indicators.event.Excerpt;
import org.hbew.indicators.http.ApiError;

/**
 * The two body formats of {@code POST /v1/events}: JSON (one event object, or an array of them) and NDJSON (one
 * event object per line). Both are UTF-8; a declared charset other than UTF-8 is refused rather than guessed at.
 */
enum BodyFormat {
    JSON("application/json"),
    NDJSON("application/x-ndjson");

    private final String mediaType;

    BodyFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The format the request's {@code Content-Type} headers name (exactly one), or a 415 naming those accepted. */
    static BodyFormat of(List<String> contentTypes) {
        if (contentTypes.size() > 1) {
            throw unsupported(contentTypes.size() + " Content-Type headers");
        }
        return of(contentTypes.isEmpty() ? null : contentTypes.get(0));
    }

    /** The format a {@code Content-Type} header names, or a 415 naming the ones accepted. */
    static BodyFormat of(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("no Content-Type");
        }
        String[] parts = contentType.split(";", -1);
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("charset=")) {
                String charset = parameter.substring("charset=".length()).replace("\"", "");
                if (!charset.equals("utf-8") && !charset.equals("utf8")) {
                    throw IngestErrors.unsupportedMediaType("events are UTF-8 JSON; charset "
                            + Excerpt.of(charset) + " is not accepted");
                }
            }
        }
        for (BodyFormat format : values()) {
            if (format.mediaType.equals(mediaType)) {
                return format;
            }
        }
        throw unsupported("Content-Type " + Excerpt.of(mediaType));
    }

    private static ApiError unsupported(String what) {
        return IngestErrors.unsupportedMediaType(what + " is not accepted; send " + JSON.mediaType
                + " (an event or an array of events) or " + NDJSON.mediaType + " (one event per line)");
    }
}
