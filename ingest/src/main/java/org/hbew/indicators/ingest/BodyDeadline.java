package org.hbew.indicators.ingest;

import java.time.Duration;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The total time a request body may take to arrive. Jetty's idle timeout only bounds the gap between two bytes,
 * so a body trickling in at a byte a second would hold its HTTP thread indefinitely. Here, before each blocking
 * read, the connection's idle timeout is shortened to the time left, so the read ends by the deadline at the
 * latest whatever the sender does; the original timeout is restored once the body is read.
 *
 * <p>The connection's {@link EndPoint} is what carries the idle timeout; {@link Exposer}, a handler in front of
 * Javalin, puts it into a request attribute where the servlet layer can find it.
 */
final class BodyDeadline {

    static final String END_POINT_ATTRIBUTE = BodyDeadline.class.getName() + ".endPoint";

    /** Never shorter than this, so a read that could still complete in time is not cut off for nothing. */
    private static final long MIN_READ_MILLIS = 10;

    private final Duration timeout;
    private final long deadlineNanos;
    private final EndPoint endPoint;
    private final long originalIdleMillis;

    private BodyDeadline(Duration timeout, EndPoint endPoint) {
        this.timeout = timeout;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
        this.endPoint = endPoint;
        this.originalIdleMillis = endPoint == null ? 0 : endPoint.getIdleTimeout();
    }

    /**
     * A deadline starting now.
     *
     * @param endPoint the connection, or null where there is none to bound (a body from memory in a test): then
     *                 the deadline is checked between reads only
     */
    static BodyDeadline start(Duration timeout, EndPoint endPoint) {
        return new BodyDeadline(timeout, endPoint);
    }

    Duration timeout() {
        return timeout;
    }

    /** Call before every read: bounds it by the time left. @throws org.hbew.indicators.http.ApiError 408 */
    void beforeRead() {
        long leftMillis = Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis();
        if (leftMillis <= 0) {
            throw IngestErrors.bodyTimeout(timeout);
        }
        if (endPoint != null) {
            long bound = originalIdleMillis > 0 ? Math.min(leftMillis, originalIdleMillis) : leftMillis;
            endPoint.setIdleTimeout(Math.max(MIN_READ_MILLIS, bound));
        }
    }

    boolean passed() {
        return System.nanoTime() - deadlineNanos >= 0;
    }

    /** Gives the connection its own idle timeout back, for the next request on it. */
    void end() {
        if (endPoint != null) {
            endPoint.setIdleTimeout(originalIdleMillis);
        }
    }

    /** Makes each request's connection reachable from the servlet request, as {@link #END_POINT_ATTRIBUTE}. */
    static final class Exposer extends Handler.Wrapper {

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            request.setAttribute(END_POINT_ATTRIBUTE, request.getConnectionMetaData().getConnection().getEndPoint());
            return super.handle(request, response, callback);
        }
    }
}
