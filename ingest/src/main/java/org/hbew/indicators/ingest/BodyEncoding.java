package org.hbew.indicators.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.hbew.indicators.event.Excerpt;

/**
 * The {@code Content-Encoding}s of {@code POST /v1/events}: none ({@code identity}) or {@code gzip}, which makes a
 * bulk import several times smaller on the wire. Any other coding is refused with 415 rather than ignored: a body
 * read as if it were not encoded would be refused for reasons that have nothing to do with it. A gzip body is
 * bounded twice: its compressed size by the body limit as it arrives, and what it inflates to by the same limit,
 * so a small bomb that would inflate to gigabytes is refused with 413 after the limit's worth of work.
 */
enum BodyEncoding {
    IDENTITY,
    GZIP;

    /** From the request's {@code Content-Encoding} headers (none, or one naming one coding). */
    static BodyEncoding of(List<String> headers) {
        if (headers.isEmpty()) {
            return IDENTITY;
        }
        if (headers.size() > 1 || headers.get(0).contains(",")) {
            throw IngestErrors.unsupportedEncoding("a body may carry one Content-Encoding at most; send gzip or none");
        }
        String coding = headers.get(0).strip().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "identity", "" -> IDENTITY;
            case "gzip", "x-gzip" -> GZIP;
            default -> throw IngestErrors.unsupportedEncoding("Content-Encoding " + Excerpt.of(coding)
                    + " is not supported; send gzip or no Content-Encoding");
        };
    }

    /** The body as sent, decoded: at most {@code maxBytes}, or 413. A body that is not valid gzip is a 400. */
    byte[] decode(byte[] body, int maxBytes) {
        if (this == IDENTITY) {
            return body;
        }
        try (InputStream inflated = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] decoded = inflated.readNBytes(maxBytes + 1);
            if (decoded.length > maxBytes) {
                throw IngestErrors.inflatedBodyTooLarge(maxBytes);
            }
            return decoded;
        } catch (IOException e) {
            throw IngestErrors.malformedGzip();
        }
    }
}
