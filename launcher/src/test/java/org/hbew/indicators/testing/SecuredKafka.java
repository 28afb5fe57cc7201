package org.hbew.indicators.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.hbew.indicators.broker.EmbeddedKafkaBroker;
import org.hbew.indicators.broker.SaslSslListener;

/**
 * A real broker secured as production clusters are (see {@link SaslSslListener}): SASL_SSL with SCRAM-SHA-512
 * from a CA made for the test, and the StandardAuthorizer. It starts with one user, the administrator; the
 * test creates the others and their ACLs as an operator would, with {@code ./hbew acls --apply}. Closing it stops
 * the broker and removes its directory, keys included.
 */
public final class SecuredKafka implements AutoCloseable {

    public static final String ADMIN_USER = "hbew-admin";

    private final Path dir;
    private final SaslSslListener listener;
    private final EmbeddedKafkaBroker broker;

    private SecuredKafka(Path dir, SaslSslListener listener, EmbeddedKafkaBroker broker) {
        this.dir = dir;
        this.listener = listener;
        this.broker = broker;
    }

    public static SecuredKafka start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("hbew-secured-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            TestCertificateAuthority ca = TestCertificateAuthority.create(dir, "store-pw-" + System.nanoTime());
            SaslSslListener listener = new SaslSslListener(ca.serverKeystore("broker"), ca.password(),
                    ca.truststore(), ca.password(), ADMIN_USER, "admin-pw-" + System.nanoTime(),
                    "controller-pw-" + System.nanoTime());
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dir.resolve("broker")).saslSsl(listener).build();
            SecuredKafka kafka = new SecuredKafka(dir, listener, broker);
            try {
                broker.start();
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            return kafka;
        } catch (RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    /** The client settings of {@code user} with {@code password}: SASL_SSL, SCRAM-SHA-512, the test CA trusted. */
    public Map<String, String> clientProperties(String user, String password) {
        return listener.clientProperties(user, password);
    }

    public Map<String, String> adminProperties() {
        return listener.adminClientProperties();
    }

    /** Writes the settings as a client config file, as an operator hands one to {@code --kafka-config}. */
    public Path clientConfigFile(String name, Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        Path file = dir.resolve(name + ".properties");
        try (var out = Files.newBufferedWriter(file)) {
            properties.store(out, "Kafka client settings of " + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is not worth failing a test for.
        }
    }
}
