package org.hbew.indicators.tools;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.ingest.TokenStore;
import org.hbew.indicators.launcher.DurationConverter;
import org.hbew.indicators.launcher.ExitCodes;
import org.hbew.indicators.launcher.ShutdownSignal;
import org.hbew.indicators.launcher.TokensFiles;
import org.hbew.indicators.launcher.VersionProvider;
import org.hbew.indicators.simulator.GeneratorSettings;
import org.hbew.indicators.simulator.Scenario;
import org.hbew.indicators.simulator.Simulator;
import org.hbew.indicators.simulator.SimulatorConfig;
import org.hbew.indicators.simulator.SimulatorStats;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hbew simulate}: synthetic events of the four cities to an ingest gateway until stopped (Ctrl-C)
 * or for {@code --duration}, with a status line every few seconds and totals at the end.
 */
@Command(name = "simulate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Send synthetic events of the four cities to an ingest gateway.")
final class SimulateCommand implements Callable<Integer> {

    private static final Duration STATUS_INTERVAL = Duration.ofSeconds(5);

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://localhost:8080", paramLabel = "URL",
            description = "Ingest gateway (default: ${DEFAULT-VALUE}).")
    URI url;

    @Option(names = "--tokens", defaultValue = "./data/tokens.properties", paramLabel = "FILE",
            description = {"Bearer tokens: a file with one <city>=<token> line per city and admin=<token>, or the same "
                    + "pairs inline, comma-separated (default: ${DEFAULT-VALUE})."})
    Path tokens;

    @Option(names = "--rate", defaultValue = "20", paramLabel = "N",
            description = "Events per second over all cities (default: ${DEFAULT-VALUE}).")
    double rate;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the event sequence; the same seed repeats the same events (default: random).")
    Long seed;

    @Option(names = "--scenario", defaultValue = "steady", paramLabel = "NAME",
            converter = ScenarioConverter.class, completionCandidates = ScenarioConverter.Names.class,
            description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Scenario scenario;

    @Option(names = "--city", paramLabel = "CITY",
            description = "The city that falls silent in the city-outage scenario.")
    String city;

    @Option(names = "--duplicate-share", defaultValue = "0.01", paramLabel = "SHARE",
            description = "Share of events re-sent with the same eventId (default: ${DEFAULT-VALUE}).")
    double duplicateShare;

    @Option(names = "--late-share", defaultValue = "0.005", paramLabel = "SHARE",
            description = "Share of events that arrive late (default: ${DEFAULT-VALUE}).")
    double lateShare;

    @Option(names = "--late-by", defaultValue = "PT3H", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How far in the past late events happened (default: ${DEFAULT-VALUE}).")
    Duration lateBy;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long, e.g. 10m (default: run until interrupted).")
    Duration duration;

    @Override
    public Integer call() throws InterruptedException {
        SimulatorConfig config = config();
        Catalog catalog = CatalogLoader.loadDefault();
        PrintWriter out = spec.commandLine().getOut();
        try (ShutdownSignal signal = new ShutdownSignal("hbew-simulate-shutdown")) {
            Simulator simulator = new Simulator(config, catalog);
            try {
                simulator.start();
                out.printf("Simulating %s events/s to %s, scenario %s, seed %d%s. Ctrl-C stops.%n", rate, url,
                        scenario.code(), config.generator().seed(), duration == null ? "" : ", for " + duration);
                out.flush();
                runUntilStopped(simulator, signal, out);
            } finally {
                simulator.close();
                out.println("Totals: " + status(simulator.stats()));
                out.flush();
            }
            SimulatorStats stats = simulator.stats();
            return stats.sent() > 0 && stats.accepted() == 0 ? ExitCodes.FAILED : ExitCodes.OK;
        }
    }

    private SimulatorConfig config() {
        if (scenario == Scenario.CITY_OUTAGE && city == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scenario city-outage needs --city CITY");
        }
        GeneratorSettings settings;
        try {
            settings = GeneratorSettings.defaults(seed != null ? seed : ThreadLocalRandom.current().nextLong())
                    .withScenario(scenario, city)
                    .withShares(duplicateShare, lateShare, lateBy);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (!(rate > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate must be positive, got " + rate);
        }
        TokenStore store = TokensFiles.read(tokens);
        Map<String, String> byPrincipal = new HashMap<>();
        store.principals().forEach(p -> store.token(p).ifPresent(token -> byPrincipal.put(p, token)));
        return SimulatorConfig.of(url, byPrincipal, rate, settings);
    }

    /** Until Ctrl-C or the end of {@code --duration}, with a status line every few seconds. */
    private void runUntilStopped(Simulator simulator, ShutdownSignal signal, PrintWriter out)
            throws InterruptedException {
        long start = System.nanoTime();
        while (true) {
            long wait = duration == null ? STATUS_INTERVAL.toNanos()
                    : Math.min(STATUS_INTERVAL.toNanos(), duration.toNanos() - (System.nanoTime() - start));
            if (wait <= 0 || signal.await(Duration.ofNanos(wait))) {
                return;
            }
            out.println(status(simulator.stats()));
            out.flush();
        }
    }

    static String status(SimulatorStats s) {
        return String.format("sent %,d: accepted %,d, rejected %,d, failed %,d (%,d duplicates, %,d late, %,d retries)",
                s.sent(), s.accepted(), s.rejected(), s.failed(), s.duplicates(), s.late(), s.retries());
    }
}
