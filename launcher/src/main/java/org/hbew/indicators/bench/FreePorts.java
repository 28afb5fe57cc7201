package org.hbew.indicators.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Ports for the benchmark's servers, chosen by the operating system among the free ephemeral ones and never one
 * of the product's defaults, so a benchmark never collides with a standalone running on 9092, 8080 and 8081
 * (nor with Alertmanager's 9093). Bound and released: another process could take one in between, which on a
 * test machine is rare enough.
 */
final class FreePorts {

    private static final Set<Integer> RESERVED = Set.of(8080, 8081, 9090, 9092, 9093, 3000);

    private FreePorts() {
    }

    static int one() {
        return distinct(1)[0];
    }

    /** {@code count} different free ports. */
    static int[] distinct(int count) {
        Set<Integer> chosen = new HashSet<>();
        int[] ports = new int[count];
        int found = 0;
        for (int attempt = 0; found < count && attempt < 100; attempt++) {
            int port = probe();
            if (!RESERVED.contains(port) && chosen.add(port)) {
                ports[found++] = port;
            }
        }
        if (found < count) {
            throw new IllegalStateException("could not find " + count + " free ports");
        }
        return ports;
    }

    private static int probe() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot probe for a free port", e);
        }
    }
}
