package org.hbew.indicators.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.launcher.ExitCodes;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hbew bench}: the benchmark of docs/benchmarks.md in one invocation. Runs on free ports and in a
 * temporary directory, so it never touches a standalone on the default ports or its data; prints a table and
 * writes the JSON and Markdown reports.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = BenchCommand.InheritedVersion.class,
        sortOptions = false,
        description = "Measure, on this machine and in one run: a raw Kafka producer with the gateway's settings, "
                + "the ingest gateway over HTTP (NDJSON batches), B0 (the broker's own limit, with Kafka's "
                + "ProducerPerformance), the processors under exactly_once_v2 and at_least_once beside a plain "
                + "Kafka Streams job, their end-to-end latency and memory, and the start-up, memory and shutdown "
                + "of standalone as a child JVM. Compare the ratios, not absolute rates: see docs/benchmarks.md.")
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

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
            description = "Partitions of the topics, as standalone creates them (default: ${DEFAULT-VALUE}).")
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
        BenchSettings settings = settings();
        createDirectory(out);
        BenchReport report = new Benchmark(settings, CatalogLoader.loadDefault(), out).run();
        ReportFiles.Written written = ReportFiles.write(report, out);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println();
        stdout.print(ReportFormatter.table(report));
        stdout.printf("Reports: %s and %s%n", written.json(), written.markdown());
        stdout.flush();
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
