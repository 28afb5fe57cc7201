package org.hbew.indicators.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
                + "the ingest gateway over HTTP (NDJSON batches), the processors end to end, and the start-up, "
                + "memory and shutdown of standalone as a child JVM. Compare the ratios, not absolute rates: "
                + "see docs/benchmarks.md.")
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
            description = "JVM options of the standalone child; like ./hbew, from HBEW_JAVA_OPTS if not given.")
    String javaOptions;

    @Option(names = "--quick", description = "A smoke run of a minute or so: small sizes, one configuration.")
    boolean quick;

    @Option(names = "--skip-processors", description = "Leave out the processors phase.")
    boolean skipProcessors;

    @Option(names = "--skip-standalone", description = "Leave out the standalone child JVM.")
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
                    seed, loadSeconds, skipProcessors, skipStandalone, javaOptions);
            return quick ? settings.quick() : settings;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
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
