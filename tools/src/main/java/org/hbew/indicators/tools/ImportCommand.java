package org.hbew.indicators.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.hbew.indicators.importer.ImportConfig;
import org.hbew.indicators.importer.ImportFormat;
import org.hbew.indicators.importer.ImportSummary;
import org.hbew.indicators.importer.Importer;
import org.hbew.indicators.importer.PeriodicProgress;
import org.hbew.indicators.importer.ProgressReporter;
import org.hbew.indicators.importer.Sizes;
import org.hbew.indicators.importer.TerminalProgress;
import org.hbew.indicators.ingest.TokenStore;
import org.hbew.indicators.ingestclient.IngestClient;
import org.hbew.indicators.ingestclient.RetryPolicy;
import org.hbew.indicators.launcher.ExitCodes;
import org.hbew.indicators.launcher.TokensFiles;
import org.hbew.indicators.launcher.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./hbew import FILE}: backfills history through ingest's validation, with a progress bar at a
 * terminal and a line every few seconds elsewhere. Exit 0 when everything was accepted,
 * {@value ExitCodes#SOME_REJECTED} when some records were rejected, {@value ExitCodes#FAILED} when the
 * import stopped early.
 */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Backfill NDJSON or CSV history through ingest validation.",
                "CSV has a header row with the columns eventId,city,item,indicator,occurredAt,value,unit,payload "
                        + "(payload: the flow payload as JSON text; schemaVersion optional)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record was accepted",
                "1:the import failed before the end (see the message)",
                "2:wrong usage",
                "3:some records were rejected (see the rejects file)"})
final class ImportCommand implements Callable<Integer> {

    private static final Duration PLAIN_PROGRESS_INTERVAL = Duration.ofSeconds(5);

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to import (.ndjson, .jsonl, .json or .csv).")
    Path file;

    @Option(names = "--url", defaultValue = "http://localhost:8080", paramLabel = "URL",
            description = "Ingest gateway (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Bearer token; default: the admin token of --tokens.")
    String token;

    @Option(names = "--tokens", defaultValue = "./data/tokens.properties", paramLabel = "FILE",
            description = "Tokens file (or inline pairs) whose admin token is used when --token is not given "
                    + "(default: ${DEFAULT-VALUE}).")
    Path tokens;

    @Option(names = "--batch-size", defaultValue = "500", paramLabel = "N",
            description = "Events per request (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--parallel", defaultValue = "2", paramLabel = "N",
            description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "FORMAT",
            description = "auto, ndjson or csv; auto goes by the file name (default: ${DEFAULT-VALUE}).")
    ImportFormat format;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where rejected records go, one JSON line each with line number, reason and the original "
                    + "(default: <FILE>.rejects.ndjson; replaced on each run, written only when something is rejected).")
    Path rejects;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no such file: " + file);
        }
        if (batchSize < 1 || parallel < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--batch-size and --parallel must be at least 1");
        }
        Path rejectsFile = rejects != null ? rejects : ImportConfig.defaultRejectsFile(file);
        ImportConfig config = new ImportConfig(resolveToken(), batchSize, parallel, format, rejectsFile);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        IngestClient client = new IngestClient(url, http, Duration.ofSeconds(60), RetryPolicy.defaults());

        ImportSummary summary;
        try (ProgressReporter progress = progressReporter(Files.size(file))) {
            summary = new Importer(client, config).run(file, progress);
        }
        report(summary);
        return switch (summary.outcome()) {
            case COMPLETE -> ExitCodes.OK;
            case SOME_REJECTED -> ExitCodes.SOME_REJECTED;
            case FAILED -> ExitCodes.FAILED;
        };
    }

    private String resolveToken() {
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        return TokensFiles.read(tokens).token(TokenStore.ADMIN).filter(t -> !t.isBlank())
                .orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(), "no admin= line in "
                        + tokens + "; give --token TOKEN"));
    }

    /** A bar for a person at a terminal; plain lines for logs and pipes. */
    private ProgressReporter progressReporter(long fileSize) {
        if (System.console() != null) {
            return new TerminalProgress("import", fileSize, System.err);
        }
        return new PeriodicProgress(spec.commandLine().getErr(), PLAIN_PROGRESS_INTERVAL);
    }

    private void report(ImportSummary s) {
        PrintWriter out = spec.commandLine().getOut();
        out.printf("import of %s: %,d read, %,d accepted, %,d rejected in %s (%,.0f records/s)%n", s.file(), s.read(),
                s.accepted(), s.rejected(), Sizes.duration(s.duration()), s.rate());
        if (s.rejected() > 0) {
            out.printf("rejected records are in %s%n", s.rejectsFile());
        }
        if (s.unresolved() > 0) {
            out.printf("%,d records read were not imported; importing the file again is safe, eventIds make "
                    + "duplicates harmless%n", s.unresolved());
        }
        out.flush();
        s.failure().ifPresent(why -> {
            PrintWriter err = spec.commandLine().getErr();
            err.println(spec.commandLine().getColorScheme().errorText("hbew import: stopped before the end: " + why));
            err.flush();
        });
    }
}
