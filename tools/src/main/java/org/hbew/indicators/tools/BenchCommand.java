package org.hbew.indicators.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hbew.indicators.bench.BenchPhase;
import org.hbew.indicators.bench.BenchReport;
import org.hbew.indicators.bench.BenchSettings;
import org.hbew.indicators.bench.Benchmark;
import org.hbew.indicators.bench.ExternalCluster;
import org.hbew.indicators.bench.ReportFiles;
import org.hbew.indicators.bench.ReportFormatter;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.launcher.DurationConverter;
import org.hbew.indicators.launcher.ExitCodes;
import org.hbew.indicators.launcher.KafkaConfigOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hbew bench}: the benchmark of docs/benchmarks.md in one invocation. Runs on free ports and in a
 * temporary directory, so it never touches a standalone on the default ports or its data; prints a table and
 * writes the JSON and Markdown reports. With {@code --bootstrap-servers} it runs against an existing cluster
 * instead of a broker of its own, with the Kafka client settings of {@code --kafka-config} and {@code HBEW_KAFKA_*}
 * on every client, provided the cluster holds none of the product's topics; it removes what it created there.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = BenchCommand.InheritedVersion.class,
        sortOptions = false,
        description = {"Measure, on this machine and in one run: a raw Kafka producer with the gateway's settings, "
                + "the ingest gateway over HTTP (NDJSON batches), B0 (the broker's own limit, with Kafka's "
                + "ProducerPerformance), the processors under exactly_once_v2 and at_least_once beside a plain "
                + "Kafka Streams job, their end-to-end latency and memory, and the start-up, memory and shutdown "
                + "of standalone as a child JVM. Compare the ratios, not absolute rates: see docs/benchmarks.md.",
                "",
                "With --bootstrap-servers it runs against an existing cluster (one meant for the product before it "
                        + "goes live, or a test cluster) instead of a broker of its own, with --kafka-config on every "
                        + "client; it refuses a cluster where any of the product's topics exists, creates them and "
                        + "its own topics, and deletes all of them and its consumer groups at the end. Standalone is "
                        + "not run then."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Run against this existing Kafka cluster instead of an embedded broker. It must hold none "
                    + "of the product's topics: the benchmark creates them, writes test events and deletes them.")
    String bootstrapServers;

    @Mixin
    KafkaConfigOption kafkaConfig;

    @Option(names = "--replication-factor", paramLabel = "N",
            description = "With --bootstrap-servers: replicas of every topic the benchmark creates (default: the "
                    + "brokers' default.replication.factor).")
    Short replicationFactor;

    @Option(names = "--timeout", defaultValue = "30s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --bootstrap-servers: how long to wait for the cluster to answer (default: "
                    + "${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--events", defaultValue = "100000", paramLabel = "N",
            description = "Events per measured run of the raw producer and of each gateway configuration; the "
                    + "standalone load draws on as many (default: ${DEFAULT-VALUE}).")
    int events;

    @Option(names = "--warmup", defaultValue = "100000", paramLabel = "N",
            description = "Untimed events through the raw producer and through the gateway before anything is "
                    + "measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--batch-size", defaultValue = "100,500,1000", split = ",", splitSynopsisLabel = ",",
            paramLabel = "N",
            description = "Events per HTTP request; several are run one after the other (default: ${DEFAULT-VALUE}).")
    List<Integer> batchSizes;

    @Option(names = "--clients", defaultValue = "4", split = ",", splitSynopsisLabel = ",", paramLabel = "N",
            description = "Client threads posting at once; several are run one after the other "
                    + "(default: ${DEFAULT-VALUE}).")
    List<Integer> clients;

    @Option(names = "--partitions", defaultValue = "4", paramLabel = "N",
            description = "Partitions of the topics, 4 as standalone creates them; on an external cluster those the "
                    + "product will have, e.g. 12 (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--stream-threads", defaultValue = "1", paramLabel = "N",
            description = "Stream threads of the processors, 1 as in standalone (default: ${DEFAULT-VALUE}).")
    int streamThreads;

    @Option(names = "--seed", defaultValue = "20240901", paramLabel = "N",
            description = "Seed of the generated events (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--load-seconds", defaultValue = "10", paramLabel = "N",
            description = "How long the standalone child is loaded before its memory is read "
                    + "(default: ${DEFAULT-VALUE}).")
    int loadSeconds;

    @Option(names = "--java-opts", defaultValue = "", paramLabel = "OPTIONS",
            description = "JVM options of the child JVMs (standalone, the processors of the memory phase); like "
                    + "./hbew, from HBEW_JAVA_OPTS if not given.")
    String javaOptions;

    @Option(names = "--baseline-records", defaultValue = "1000000", paramLabel = "N",
            description = "Records ProducerPerformance times for B0, the broker's own limit, after a fifth as many "
                    + "untimed (default: ${DEFAULT-VALUE}).")
    int baselineRecords;

    @Option(names = "--latency-seconds", defaultValue = "20", paramLabel = "N",
            description = "How long events go to the processors at half their measured rate for the end-to-end "
                    + "latency; the first quarter is warm-up (default: ${DEFAULT-VALUE}).")
    int latencySeconds;

    @Option(names = "--memory-events", defaultValue = "1000000", paramLabel = "N",
            description = "Distinct events the processors' child JVM works off before its memory is read "
                    + "(default: ${DEFAULT-VALUE}).")
    int memoryEvents;

    @Option(names = "--quick", description = "A smoke run of two minutes or so: small sizes, one configuration.")
    boolean quick;

    @Option(names = "--skip", split = ",", splitSynopsisLabel = ",", paramLabel = "PHASE",
            description = "Leave out phases, any of baseline, plain, processors, latency, alos, memory, "
                    + "standalone. Without processors there is no latency.")
    List<BenchPhase> skip;

    @Option(names = "--skip-processors", description = "Leave out the processors (as --skip processors).")
    boolean skipProcessors;

    @Option(names = "--skip-standalone", description = "Leave out the standalone child JVM (as --skip standalone).")
    boolean skipStandalone;

    @Option(names = "--out", defaultValue = "./target/bench", paramLabel = "DIR",
            description = "Where the reports and the children's logs go (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws InterruptedException {
        Optional<ExternalCluster> external = externalCluster();
        BenchSettings settings = settings();
        createDirectory(out);
        BenchReport report = new Benchmark(settings, external, CatalogLoader.loadDefault(), out).run();
        ReportFiles.Written written = ReportFiles.write(report, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println();
        stdout.print(ReportFormatter.table(report));
        stdout.printf("Reports: %s and %s%n", written.json(), written.markdown());
        stdout.flush();
        BenchReport.Cluster cluster = report.cluster();
        if (!cluster.leftBehind().isEmpty()) {
            spec.commandLine().getErr().printf("bench: could not remove everything it created on %s; delete by "
                    + "hand: %s%n", cluster.bootstrapServers(), String.join("; ", cluster.leftBehind()));
            spec.commandLine().getErr().flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private BenchSettings settings() {
        try {
            BenchSettings settings = new BenchSettings(events, warmup, batchSizes, clients, partitions, streamThreads,
                    seed, loadSeconds, javaOptions, baselineRecords, latencySeconds, memoryEvents, skipped());
            return quick ? settings.quick() : settings;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The cluster of {@code --bootstrap-servers} with the client settings of {@code --kafka-config} and
     * {@code HBEW_KAFKA_*}, whose non-secret part is logged here; empty for the embedded broker, which speaks
     * PLAINTEXT on this machine and takes none of them.
     */
    private Optional<ExternalCluster> externalCluster() {
        if (bootstrapServers == null) {
            if (kafkaConfig.file().isPresent() || replicationFactor != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--kafka-config and "
                        + "--replication-factor (or HBEW_KAFKA_CONFIG, HBEW_REPLICATION_FACTOR) apply to an external "
                        + "cluster: give its --bootstrap-servers too");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(new ExternalCluster(bootstrapServers, kafkaConfig.properties(),
                    replicationFactor == null ? ExternalCluster.BROKER_DEFAULT_REPLICATION : replicationFactor,
                    timeout));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private Set<BenchPhase> skipped() {
        Set<BenchPhase> skipped = EnumSet.noneOf(BenchPhase.class);
        if (skip != null) {
            skipped.addAll(skip);
        }
        if (skipProcessors) {
            skipped.add(BenchPhase.PROCESSORS);
        }
        if (skipStandalone) {
            skipped.add(BenchPhase.STANDALONE);
        }
        return skipped;
    }

    private static void createDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the report directory " + dir, e);
        }
    }

    /** The version of {@code hbew} itself, whose provider is the launcher's own. */
    static final class InheritedVersion implements CommandLine.IVersionProvider {

        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public String[] getVersion() {
            return spec.root().version();
        }
    }
}
