package org.hbew.indicators.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a request body, but never more than the limit: a declared {@code Content-Length} above it is refused
 * before anything is read, and a body without one (chunked) is refused as soon as it passes the limit. Memory
 * per request is thus bounded by the limit whatever the sender does.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    /**
     * @param declaredLength the {@code Content-Length}, or -1 when the sender did not declare one
     */
    static byte[] read(InputStream in, long declaredLength, int maxBytes) {
        if (declaredLength > maxBytes) {
            throw IngestErrors.bodyTooLarge(maxBytes);
        }
        byte[] body;
        try {
            body = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw IngestErrors.unreadableBody();
        }
        if (body.length > maxBytes) {
            throw IngestErrors.bodyTooLarge(maxBytes);
        }
        return body;
    }
}
