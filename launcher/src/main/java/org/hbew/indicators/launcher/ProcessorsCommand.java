package org.hbew.indicators.launcher;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.ingest.TokenStore;
import org.apache.kafka.streams.GroupProtocol;
import org.hbew.indicators.processors.ProcessorsApp;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.processors.topology.WindowSpec;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hbew processors}: one Kafka Streams processor instance with its query API. Start several
 * with the same {@code --application-id} (and each its own {@code --advertised-host}/{@code --http-port})
 * to scale out.
 */
@Command(name = "processors",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run one processor instance (Kafka Streams) and its query API.")
final class ProcessorsCommand implements Callable<Integer> {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(5);

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap-servers", defaultValue = "localhost:9092", paramLabel = "HOST:PORT[,...]",
            description = "Kafka cluster (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Mixin
    KafkaConfigOption kafkaConfig;

    @Mixin
    ReadTokenOptions readToken;

    @Option(names = "--tokens", paramLabel = "FILE",
            description = {"The tokens file (or HBEW_TOKENS pairs) whose reader= line is the read token."})
    Path tokens;

    @Option(names = "--application-id", defaultValue = ProcessorsConfig.DEFAULT_APPLICATION_ID, paramLabel = "ID",
            description = "Kafka Streams application id, shared by all instances (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--state-dir", defaultValue = "./data/processors", paramLabel = "DIR",
            description = "Local state of this instance (default: ${DEFAULT-VALUE}).")
    Path stateDir;

    @Option(names = "--host", defaultValue = "0.0.0.0", paramLabel = "ADDRESS",
            description = "Address the query API listens on; 127.0.0.1 for this machine only (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--http-port", defaultValue = "8081", paramLabel = "PORT",
            description = "Query API and /metrics (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--advertised-host", defaultValue = "localhost", paramLabel = "HOST",
            description = "Host name other instances reach this one's query API at (default: ${DEFAULT-VALUE}).")
    String advertisedHost;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Stream threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--standby-replicas", defaultValue = "0", paramLabel = "N",
            description = "Warm copies of each task's state on other instances (default: ${DEFAULT-VALUE}). "
                    + "With --group-protocol streams the broker's group setting streams.num.standby.replicas "
                    + "decides instead (kafka-configs.sh --entity-type groups).")
    int standbyReplicas;

    @Option(names = "--replication-factor", defaultValue = "-1", paramLabel = "N",
            description = "Of internal topics; -1 takes the broker's default (default: ${DEFAULT-VALUE}).")
    int replicationFactor;

    @Option(names = "--group-protocol", defaultValue = "classic", paramLabel = "classic|streams",
            converter = GroupProtocolConverter.class, completionCandidates = GroupProtocolConverter.Names.class,
            description = "Rebalance protocol; streams is Kafka 4's KIP-1071 protocol (default: ${DEFAULT-VALUE}).")
    GroupProtocol groupProtocol;

    @Option(names = "--windows", defaultValue = "1h,1d", paramLabel = "LIST",
            description = "Tumbling event-time windows (default: ${DEFAULT-VALUE}).")
    String windows;

    @Option(names = "--grace", defaultValue = "PT1H", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Events later than window end plus grace go to hbew.events.late (default: ${DEFAULT-VALUE}).")
    Duration grace;

    @Option(names = "--dedupe-horizon", defaultValue = "P7D", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How long an eventId is remembered for de-duplication (default: ${DEFAULT-VALUE}).")
    Duration dedupeHorizon;

    @Option(names = "--status-interval", defaultValue = "PT5S", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "How often every status is re-judged on the wall clock (default: ${DEFAULT-VALUE}).")
    Duration statusInterval;

    @Option(names = "--city-silence", defaultValue = "PT15M", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Silence after which a city counts as no longer reporting (default: ${DEFAULT-VALUE}).")
    Duration citySilence;

    @Override
    public Integer call() throws InterruptedException {
        ProcessorsConfig config = config();
        String token = config.readToken();
        PrintWriter out = spec.commandLine().getOut();
        try (ShutdownSignal signal = new ShutdownSignal("hbew-processors-shutdown");
             ProcessorsApp app = new ProcessorsApp(config, CatalogLoader.loadDefault())) {
            app.start();
            out.printf("Processors %s on %s; query API on %s:%d%s. Ctrl-C stops.%n", applicationId, bootstrapServers,
                    host, httpPort, token.isEmpty() ? "" : " (read token required)");
            out.flush();
            if (!app.awaitRunning(STARTUP_TIMEOUT)) {
                failIfStopped(app, Duration.ZERO);
                out.println("Not RUNNING after " + STARTUP_TIMEOUT + "; still trying (see the log).");
                out.flush();
            }
            while (!signal.await(Duration.ofSeconds(1))) {
                failIfStopped(app, Duration.ZERO);
            }
        }
        return ExitCodes.OK;
    }

    /**
     * The instance's configuration as the options (or their {@code HBEW_*} variables) say. The partitions of
     * hbew.events.raw are left to be asked of the cluster at start-up.
     *
     * @throws CommandLine.ParameterException if the windows cannot be read or do not fit the grace
     */
    ProcessorsConfig config() {
        TopologySettings topology;
        try {
            topology = TopologySettings.builder()
                    .windows(Arrays.stream(windows.split(",")).map(String::strip).map(WindowSpec::parse).toList())
                    .grace(grace)
                    .dedupeHorizon(dedupeHorizon)
                    .statusInterval(statusInterval)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Optional<TokenStore> tokenStore = tokens == null ? Optional.empty() : Optional.of(TokensFiles.read(tokens));
        return ProcessorsConfig.builder(bootstrapServers, stateDir)
                .applicationId(applicationId)
                .httpHost(host)
                .httpPort(httpPort)
                .advertisedHost(advertisedHost)
                .streamThreads(threads)
                .standbyReplicas(standbyReplicas)
                .replicationFactor(replicationFactor)
                .groupProtocol(groupProtocol)
                .topology(topology)
                .citySilenceAfter(citySilence)
                .streamsOverrides(kafkaConfig.properties().asMap())
                .readToken(readToken.token(spec, tokenStore))
                .build();
    }

    /** Kafka Streams stopped for good (Kafka refused it): this command fails with the reason. */
    private static void failIfStopped(ProcessorsApp app, Duration wait) throws InterruptedException {
        Optional<String> failure = app.awaitFailure(wait);
        if (failure.isPresent()) {
            throw new IllegalStateException(failure.get());
        }
    }
}
