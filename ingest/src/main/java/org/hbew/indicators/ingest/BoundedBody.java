package org.hbew.indicators.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;

/**
 * Reads a request body, but never more than the limit nor for longer than its deadline: a declared
 * {@code Content-Length} above the limit is refused before anything is read, a body without one (chunked) is
 * refused as soon as it passes the limit, and a body still arriving at the deadline is refused with 408 however
 * steadily it trickles. Memory and time per request are thus bounded whatever the sender does.
 */
final class BoundedBody {

    private static final int CHUNK = 16 * 1024;

    private BoundedBody() {
    }

    /**
     * @param declaredLength the {@code Content-Length}, or -1 when the sender did not declare one
     */
    static byte[] read(InputStream in, long declaredLength, int maxBytes, BodyDeadline deadline) {
        if (declaredLength > maxBytes) {
            throw IngestErrors.bodyTooLarge(maxBytes);
        }
        byte[] body = new byte[(int) Math.min(declaredLength >= 0 ? declaredLength + 1 : CHUNK, maxBytes + 1L)];
        int length = 0;
        try {
            while (true) {
                if (length == body.length) {
                    if (length > maxBytes) {
                        throw IngestErrors.bodyTooLarge(maxBytes);
                    }
                    body = Arrays.copyOf(body, (int) Math.min(2L * body.length + CHUNK, maxBytes + 1L));
                }
                deadline.beforeRead();
                int read;
                try {
                    read = in.read(body, length, body.length - length);
                } catch (IOException e) {
                    throw deadline.passed() || isTimeout(e) ? IngestErrors.bodyTimeout(deadline.timeout())
                            : IngestErrors.unreadableBody();
                }
                if (read < 0) {
                    return length == body.length ? body : Arrays.copyOf(body, length);
                }
                length += read;
            }
        } finally {
            deadline.end();
        }
    }

    /**
     * Whether a read failed because the connection's idle timeout expired, which {@link BodyDeadline} set to the
     * time left: it measures from the last byte received, so it can expire a moment before the deadline itself.
     */
    private static boolean isTimeout(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof InterruptedIOException) {
                return true;
            }
        }
        return false;
    }
}
