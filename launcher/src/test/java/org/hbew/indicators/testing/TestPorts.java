package org.hbew.indicators.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Free ports on the loopback address for the launcher's tests, never one of the product's defaults (ingest 8080,
 * the query API 8081, Prometheus 9090, Kafka 9092, Alertmanager 9093, Grafana 3000), so that a test never collides
 * with a standalone running beside it.
 */
public final class TestPorts {

    private static final Set<Integer> RESERVED = Set.of(3000, 8080, 8081, 9090, 9092, 9093);

    private TestPorts() {
    }

    public static int one() {
        return distinct(1).get(0);
    }

    /**
     * {@code count} distinct ports. All probes stay open until every port is chosen, so no two coincide; another
     * process may still take one before the test binds it, which then fails with a bind error.
     */
    public static List<Integer> distinct(int count) {
        List<ServerSocket> probes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            while (ports.size() < count) {
                if (probes.size() > 100 + count) {
                    throw new IllegalStateException("no " + count + " free ports outside " + RESERVED);
                }
                ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                probes.add(probe);
                if (!RESERVED.contains(probe.getLocalPort())) {
                    ports.add(probe.getLocalPort());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot probe for free ports", e);
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

    /** Seconds since {@code since} (a {@link System#nanoTime()}), to a tenth, for the tests' progress lines. */
    public static double secondsSince(long since) {
        return Math.round((System.nanoTime() - since) / 1e8) / 10.0;
    }
}
