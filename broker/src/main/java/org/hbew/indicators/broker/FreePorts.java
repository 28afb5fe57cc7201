package org.hbew.indicators.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Free TCP ports for servers that must be told their port before they bind it, and the retry that makes this
 * safe. A server that can bind port 0 and report the port it got (ingest, Javalin, Jetty) needs none of this.
 * One that cannot (a Kafka node, whose controller port is part of its quorum configuration; the processors,
 * which advertise their query port to Kafka Streams before it listens; an external binary such as Prometheus)
 * is given a port found free here, and since another process can take that port before the server binds it,
 * {@link #retryOnBindFailure} starts it again on a fresh port when the bind fails.
 *
 * <p>A port found here is never one of the product's default ports, so that nothing started on a free port
 * collides with a standalone running beside it.
 *
 * <p>It lives in the broker module's main code because the broker needs it itself, every module's tests
 * already depend on this module, and the launcher (standalone, the benchmark) uses it in main code too: one
 * helper for every test and every server instead of one copy per module.
 */
public final class FreePorts {

    /** Grafana, ingest, the query API, Prometheus, Kafka, Alertmanager (and Kafka's conventional controller). */
    public static final Set<Integer> PRODUCT_DEFAULTS = Set.of(3000, 8080, 8081, 9090, 9092, 9093);

    /** How often a start that lost its port to another process is tried; losing five races in a row means more. */
    public static final int BIND_ATTEMPTS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(FreePorts.class);
    private static final int MAX_EXTRA_PROBES = 100;
    private static final int MAX_CAUSES = 20;

    private FreePorts() {
    }

    /** A free port on the loopback address. */
    public static int one() {
        return distinct(1).get(0);
    }

    /** A free port on {@code address}. */
    public static int one(InetAddress address) {
        return distinct(address, 1, Set.of()).get(0);
    }

    /** {@code count} distinct free ports on the loopback address. */
    public static List<Integer> distinct(int count) {
        return distinct(InetAddress.getLoopbackAddress(), count, Set.of());
    }

    /**
     * {@code count} distinct free ports on {@code address}, none of them in {@code excluded} (ports the caller
     * has set aside for something else). All probes stay open until every port is chosen, so no two coincide.
     */
    public static List<Integer> distinct(InetAddress address, int count, Set<Integer> excluded) {
        Set<Integer> unwanted = new HashSet<>(PRODUCT_DEFAULTS);
        unwanted.addAll(excluded);
        List<ServerSocket> probes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            while (ports.size() < count) {
                if (probes.size() > count + MAX_EXTRA_PROBES) {
                    throw new IllegalStateException("no " + count + " free ports on " + address + " outside "
                            + unwanted);
                }
                ServerSocket probe = new ServerSocket(0, 1, address);
                probes.add(probe);
                if (!unwanted.contains(probe.getLocalPort())) {
                    ports.add(probe.getLocalPort());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot probe for free ports on " + address, e);
        } finally {
            for (ServerSocket probe : probes) {
                try {
                    probe.close();
                } catch (IOException e) {
                    // Closing a probe that never accepted anything cannot lose data.
                }
            }
        }
        return ports;
    }

    /**
     * Runs {@code start}, and runs it again while it fails because a port was taken ({@link #isBindFailure}), at
     * most {@link #BIND_ATTEMPTS} times in all. {@code start} must choose fresh ports each time it runs, and must
     * have released whatever it started when it throws.
     *
     * @throws RuntimeException what the last attempt threw, or the first failure that was not a bind failure
     */
    public static <T> T retryOnBindFailure(Supplier<T> start) {
        return retryOnBindFailure(start, FreePorts::isBindFailure);
    }

    /**
     * {@link #retryOnBindFailure(Supplier)} for a server that does not always say that it could not bind: {@code
     * lostItsPort} tells from the failure (and whatever else it knows) whether a port was taken.
     */
    public static <T> T retryOnBindFailure(Supplier<T> start, Predicate<RuntimeException> lostItsPort) {
        for (int attempt = 1; ; attempt++) {
            try {
                return start.get();
            } catch (RuntimeException e) {
                if (attempt == BIND_ATTEMPTS || !lostItsPort.test(e)) {
                    throw e;
                }
                LOG.info("A port was taken between choosing it and binding it ({}); starting again on another "
                        + "(attempt {} of {})", summary(e), attempt + 1, BIND_ATTEMPTS);
            }
        }
    }

    /** {@code start} on a free loopback port, again on another while the port turns out to be taken. */
    public static <T> T onFreePort(IntFunction<T> start) {
        return retryOnBindFailure(() -> start.apply(one()));
    }

    /**
     * Whether {@code failure} comes of binding a port that is in use: a {@link BindException} among its causes,
     * or, from a process that reports in words (Prometheus: "bind: address already in use"), those words.
     */
    public static boolean isBindFailure(Throwable failure) {
        // Bounded, since nothing stops a chain of causes from going round in a circle.
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_CAUSES; depth++, t = t.getCause()) {
            if (t instanceof BindException || t.getMessage() != null
                    && t.getMessage().toLowerCase(Locale.ROOT).contains("address already in use")) {
                return true;
            }
        }
        return false;
    }

    /** Whether another socket holds {@code port} on {@code address}, so that a server could not listen there. */
    public static boolean isTaken(InetAddress address, int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, address)) {
            return false;
        } catch (BindException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot probe port " + port + " on " + address, e);
        }
    }

    /** For the log: the line saying the address is in use (a process's log can be long), else the root cause. */
    private static String summary(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root != null && depth < MAX_CAUSES; depth++, root = root.getCause()) {
            String message = String.valueOf(root.getMessage());
            for (String line : message.split("\n")) {
                if (line.toLowerCase(Locale.ROOT).contains("address already in use")) {
                    return line.strip();
                }
            }
            if (root.getCause() == null) {
                return message;
            }
        }
        return String.valueOf(failure.getMessage());
    }
}
