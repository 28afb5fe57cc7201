package org.hbew.indicators.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The product's version from the jar manifest, with the versions of the Kafka client and Java it runs on. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** Written into kafka-clients by its build; read as a resource to stay off Kafka's internal classes. */
    private static final String KAFKA_VERSION_RESOURCE = "kafka/kafka-version.properties";

    @Override
    public String[] getVersion() {
        String version = Hbew.class.getPackage().getImplementationVersion();
        return new String[] {
                "hbew-indicators " + (version == null ? "(development build)" : version),
                "Apache Kafka client " + kafkaVersion() + ", Java " + System.getProperty("java.version")
        };
    }

    private static String kafkaVersion() {
        try (InputStream in = VersionProvider.class.getClassLoader().getResourceAsStream(KAFKA_VERSION_RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
