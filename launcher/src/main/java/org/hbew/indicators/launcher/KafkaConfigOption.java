package org.hbew.indicators.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.hbew.indicators.kafka.KafkaClientProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code --kafka-config FILE} and the {@code HBEW_KAFKA_*} variables: the Kafka client settings (security above
 * all) of every command that talks to Kafka, applied to every client it creates. See
 * {@link KafkaClientProperties} for the rules; this mixin only finds the file and the environment and logs,
 * once, what is in effect without the secrets. {@link KafkaOptions} extends it with the cluster and a timeout.
 * Public for {@code ./hbew bench}, whose command lives with the benchmark.
 */
public class KafkaConfigOption {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfigOption.class);

    @Spec(Spec.Target.MIXEE)
    private CommandSpec mixee;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = {"Kafka client properties applied to every client of this command (producer, consumer,",
                    "admin, Kafka Streams), as the --command-config of Kafka's tools: security.protocol, sasl.*,",
                    "ssl.* ... Variables HBEW_KAFKA_<PROPERTY> (e.g. HBEW_KAFKA_SECURITY_PROTOCOL) override it."})
    Path kafkaConfig;

    private KafkaClientProperties resolved;

    /**
     * The settings of the file and the environment, read once; the first call logs them without secrets.
     *
     * @throws CommandLine.ParameterException if the file does not exist
     */
    public KafkaClientProperties properties() {
        if (resolved == null) {
            try {
                resolved = KafkaClientProperties.load(Optional.ofNullable(kafkaConfig), environment(mixee));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(mixee.commandLine(), e.getMessage());
            }
            log.info("Kafka client settings ({}): {}", source(), resolved.describe());
        }
        return resolved;
    }

    /** The file of {@code --kafka-config} (or {@code HBEW_KAFKA_CONFIG}), if one was given. */
    public Optional<Path> file() {
        return Optional.ofNullable(kafkaConfig);
    }

    private String source() {
        return kafkaConfig == null ? KafkaClientProperties.ENVIRONMENT_PREFIX + "* variables"
                : kafkaConfig + " and " + KafkaClientProperties.ENVIRONMENT_PREFIX + "* variables";
    }

    /** The environment the command line reads its defaults from: the process's, or a test's. */
    static Map<String, String> environment(CommandSpec spec) {
        CommandLine.IDefaultValueProvider defaults = spec.root().commandLine().getDefaultValueProvider();
        return defaults instanceof EnvironmentDefaults env ? env.environment() : System.getenv();
    }
}
