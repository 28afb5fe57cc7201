package org.hbew.indicators.kafka;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * Kafka client settings an operator gives every client of a command (producer, consumer, admin, Kafka
 * Streams): security first of all ({@code security.protocol}, {@code sasl.*}, {@code ssl.*}), tuning if need be.
 *
 * <p>Two sources, applied in this order, a later one winning:
 * <ol>
 *   <li>a properties file, {@code --kafka-config FILE}, in the convention of the {@code --command-config} of
 *       Kafka's own tools: the same file works with {@code kafka-topics.sh} and with {@code ./hbew};</li>
 *   <li>environment variables {@code HBEW_KAFKA_<PROPERTY>}, the property in upper case with dots as
 *       underscores: {@code HBEW_KAFKA_SECURITY_PROTOCOL=SASL_SSL} sets {@code security.protocol}, for
 *       containers where a file is less handy than a variable.</li>
 * </ol>
 * The variables of the launcher's own options that happen to share the prefix ({@code HBEW_KAFKA_CONFIG} for
 * {@code --kafka-config}, {@code HBEW_KAFKA_PORT} for standalone's {@code --kafka-port}) are not properties.
 *
 * <p>Values of secret settings (passwords, JAAS configurations that carry them, keys, tokens) are never
 * shown: {@link #describe()} and {@link #toString()} print {@code [hidden]} in their place.
 */
public final class KafkaClientProperties {

    public static final String ENVIRONMENT_PREFIX = "HBEW_KAFKA_";
    /** The launcher options' own variables that share the prefix; never read as client properties. */
    static final Set<String> LAUNCHER_VARIABLES = Set.of("HBEW_KAFKA_CONFIG", "HBEW_KAFKA_PORT");
    static final String HIDDEN = "[hidden]";

    /** Secret by name too, for properties no client's definition knows (prefixed, or of a login module). */
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|secret|jaas|token|credential|\\.key$|\\.keystore\\.key|private).*");
    private static final Set<String> SECRET_BY_DEFINITION = passwordTypedNames();

    private static final KafkaClientProperties NONE = new KafkaClientProperties(Map.of());

    private final Map<String, String> properties;

    private KafkaClientProperties(Map<String, String> properties) {
        this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
    }

    /** No settings beyond the command's own: an open PLAINTEXT cluster. */
    public static KafkaClientProperties none() {
        return NONE;
    }

    public static KafkaClientProperties of(Map<String, String> properties) {
        return new KafkaClientProperties(properties);
    }

    /**
     * The file's properties (if a file is given), then the environment's {@code HBEW_KAFKA_*} variables over them.
     *
     * @throws IllegalArgumentException naming the file if it does not exist or cannot be read
     */
    public static KafkaClientProperties load(Optional<Path> file, Map<String, String> environment) {
        Map<String, String> merged = new TreeMap<>();
        file.ifPresent(f -> merged.putAll(readFile(f)));
        merged.putAll(fromEnvironment(environment));
        return new KafkaClientProperties(merged);
    }

    /** {@code HBEW_KAFKA_SASL_JAAS_CONFIG} → {@code sasl.jaas.config}; other variables are ignored. */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> properties = new TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENVIRONMENT_PREFIX) && name.length() > ENVIRONMENT_PREFIX.length()
                    && !LAUNCHER_VARIABLES.contains(name) && value != null && !value.isBlank()) {
                properties.put(propertyName(name), value.strip());
            }
        });
        return properties;
    }

    /** {@code HBEW_KAFKA_SECURITY_PROTOCOL} → {@code security.protocol}. */
    static String propertyName(String variable) {
        return variable.substring(ENVIRONMENT_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    private static Map<String, String> readFile(Path file) {
        Properties loaded = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            loaded.load(reader);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no Kafka client config file at " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Kafka client config file " + file, e);
        }
        Map<String, String> properties = new TreeMap<>();
        loaded.stringPropertyNames().forEach(name -> properties.put(name.strip(), loaded.getProperty(name).strip()));
        return properties;
    }

    /** The settings, secrets included: for the clients, never for display. */
    public Map<String, String> asMap() {
        return properties;
    }

    public boolean isEmpty() {
        return properties.isEmpty();
    }

    /** {@code base}'s settings with these applied over them. */
    public Map<String, Object> applyTo(Map<String, Object> base) {
        Map<String, Object> merged = new HashMap<>(base);
        merged.putAll(properties);
        return merged;
    }

    /** Whether a property's value must not be shown: a password-typed client setting, or named like a secret. */
    public static boolean isSecret(String property) {
        return SECRET_BY_DEFINITION.contains(property) || SECRET_NAME.matcher(property).matches();
    }

    /**
     * The settings for a log line: {@code security.protocol=SASL_SSL, sasl.jaas.config=[hidden], ...}, in
     * name order; "none" when there are none.
     */
    public String describe() {
        if (properties.isEmpty()) {
            return "none";
        }
        return properties.entrySet().stream()
                .map(e -> e.getKey() + "=" + (isSecret(e.getKey()) ? HIDDEN : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return "KafkaClientProperties[" + describe() + "]";
    }

    private static Set<String> passwordTypedNames() {
        return Stream.of(ProducerConfig.configDef(), ConsumerConfig.configDef(), AdminClientConfig.configDef())
                .flatMap(def -> def.configKeys().values().stream())
                .filter(key -> key.type == ConfigDef.Type.PASSWORD)
                .map(key -> key.name)
                .collect(Collectors.toUnmodifiableSet());
    }
}
