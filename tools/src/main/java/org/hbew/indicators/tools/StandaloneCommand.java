package org.hbew.indicators.tools;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.launcher.DurationConverter;
import org.hbew.indicators.launcher.ExitCodes;
import org.hbew.indicators.launcher.ShutdownSignal;
import org.hbew.indicators.launcher.VersionProvider;
import org.hbew.indicators.simulator.GeneratorSettings;
import org.hbew.indicators.standalone.Standalone;
import org.hbew.indicators.standalone.StandaloneConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hbew standalone}: the whole product on this machine until Ctrl-C. Prints where everything
 * is, where the tokens are (never the tokens themselves), and a ready line with the start-up time; stops everything on SIGTERM.
 */
@Command(name = "standalone",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Run everything on this machine: an embedded Kafka broker (KRaft), the topics, ingest,",
                "one processor instance and the simulator for the four cities."})
final class StandaloneCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--data-dir", defaultValue = "./data", paramLabel = "DIR",
            description = "Broker data, processor state and tokens.properties (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--no-simulate", description = "Do not start the simulator.")
    boolean noSimulate;

    @Option(names = "--simulate-rate", defaultValue = "20", paramLabel = "N",
            description = "Events per second of the simulator over all cities (default: ${DEFAULT-VALUE}).")
    double simulateRate;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the simulator (default: random).")
    Long seed;

    @Option(names = "--host", defaultValue = StandaloneConfig.DEFAULT_HOST, paramLabel = "ADDRESS",
            description = {"Address ingest and the query API listen on (default: ${DEFAULT-VALUE}, this machine only).",
                    "On any other address (0.0.0.0: every interface) the query API and /metrics require the",
                    "reader token of tokens.properties."})
    String host;

    @Option(names = "--kafka-port", defaultValue = "9092", paramLabel = "PORT",
            description = "Kafka listener (default: ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--ingest-port", defaultValue = "8080", paramLabel = "PORT",
            description = "Ingest gateway (default: ${DEFAULT-VALUE}).")
    int ingestPort;

    @Option(names = "--processors-port", defaultValue = "8081", paramLabel = "PORT",
            description = "Processors' query API and dashboard (default: ${DEFAULT-VALUE}).")
    int processorsPort;

    @Option(names = "--partitions", defaultValue = "4", paramLabel = "N",
            description = "Partitions of the event and indicator topics (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--city-silence", defaultValue = "PT15M", paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Silence after which a city counts as no longer reporting (default: ${DEFAULT-VALUE}).")
    Duration citySilence;

    @Option(names = "--grace", defaultValue = "PT1H", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long after a window ends its events still count; later ones go to hbew.events.late. "
                    + "Raise it (at most 34 days) to load history with ./hbew import (default: ${DEFAULT-VALUE}).")
    Duration grace;

    @Override
    public Integer call() throws InterruptedException {
        long startNanos = System.nanoTime();
        Catalog catalog = CatalogLoader.loadDefault();
        double rate = noSimulate ? 0 : simulateRate;
        GeneratorSettings simulation = GeneratorSettings.defaults(seed != null ? seed
                : ThreadLocalRandom.current().nextLong());
        StandaloneConfig config = StandaloneConfig.defaults(dataDir)
                .withPorts(kafkaPort, ingestPort, processorsPort)
                .withSimulation(rate, simulation)
                .withTiming(citySilence, StandaloneConfig.DEFAULT_STATUS_INTERVAL)
                .withPartitions(partitions)
                .withGrace(grace)
                .withHost(host);
        try {
            Standalone.topologySettings(config);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }

        PrintWriter out = spec.commandLine().getOut();
        try (ShutdownSignal signal = new ShutdownSignal("hbew-standalone-shutdown");
             Standalone standalone = new Standalone(config, catalog)) {
            standalone.start();
            printWelcome(out, standalone, config, Duration.ofNanos(System.nanoTime() - startNanos));
            signal.await();
            out.println("Stopping...");
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static void printWelcome(PrintWriter out, Standalone standalone, StandaloneConfig config, Duration took) {
        out.println();
        out.println("hbew-indicators standalone");
        out.printf("  Kafka       %s%n", standalone.bootstrapServers());
        out.printf("  Ingest      %s/v1/events   (POST, bearer token)%n", standalone.ingestUrl());
        out.printf("  Dashboard   %s/%n", standalone.processorsUrl());
        out.printf("  Status      %s/v1/status%n", standalone.processorsUrl());
        out.printf("  Metrics     %s/metrics and %s/metrics%n", standalone.ingestUrl(), standalone.processorsUrl());
        out.printf("  Tokens      %s%n", standalone.tokensFile().toAbsolutePath().normalize());
        out.printf("              (one bearer token per city and admin for ingest, reader for the query API;%n");
        out.printf("               e.g. TOKEN=$(grep '^ordos=' %s | cut -d= -f2))%n", standalone.tokensFile());
        out.printf("  Listening   %s%s%n", config.host(), standalone.readTokenRequired()
                ? ", so the query API and /metrics require the reader token" : " (this machine only)");
        out.printf("  Simulator   %s%n", config.simulate()
                ? config.simulateRate() + " events/s, seed " + config.simulation().seed() : "off (--no-simulate)");
        out.printf("Ready in %.1f s. Ctrl-C stops.%n", took.toMillis() / 1000.0);
        out.flush();
    }
}
