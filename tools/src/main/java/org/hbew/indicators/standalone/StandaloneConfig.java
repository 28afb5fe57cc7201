package org.hbew.indicators.standalone;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.hbew.indicators.simulator.GeneratorSettings;

/**
 * What {@code ./hbew standalone} runs: one broker, ingest, one processor instance and optionally the
 * simulator, all in this JVM.
 *
 * @param partitions       partitions of the topics that scale out; fewer than the full stack's 12 to save memory
 * @param simulateRate     events per second of the simulator; 0 runs no simulator
 * @param citySilenceAfter silence after which a city counts as no longer reporting (exported for the alert rule)
 * @param statusInterval   how often every status is re-judged on the wall clock
 * @param host             the address ingest and the query API listen on: {@value #DEFAULT_HOST} (this machine
 *                         only) unless told otherwise; on any other address the query API requires the read token
 */
public record StandaloneConfig(
        Path dataDir,
        String advertisedHost,
        int kafkaPort,
        int ingestPort,
        int processorsPort,
        int partitions,
        double simulateRate,
        GeneratorSettings simulation,
        Duration citySilenceAfter,
        Duration statusInterval,
        Duration grace,
        String host) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_INGEST_PORT = 8080;
    public static final int DEFAULT_PROCESSORS_PORT = 8081;
    public static final int DEFAULT_PARTITIONS = 4;
    public static final double DEFAULT_SIMULATE_RATE = 20;
    public static final Duration DEFAULT_STATUS_INTERVAL = Duration.ofSeconds(5);
    public static final String DEFAULT_HOST = "127.0.0.1";

    public static StandaloneConfig defaults(Path dataDir) {
        return new StandaloneConfig(dataDir, "localhost", DEFAULT_KAFKA_PORT, DEFAULT_INGEST_PORT,
                DEFAULT_PROCESSORS_PORT, DEFAULT_PARTITIONS, DEFAULT_SIMULATE_RATE,
                GeneratorSettings.defaults(System.nanoTime()), Duration.ofMinutes(15), DEFAULT_STATUS_INTERVAL,
                TopologySettings.DEFAULT_GRACE, DEFAULT_HOST);
    }

    /** Ingest and the query API listen on {@code address}. */
    public StandaloneConfig withHost(String address) {
        return new StandaloneConfig(dataDir, advertisedHost, kafkaPort, ingestPort, processorsPort, partitions,
                simulateRate, simulation, citySilenceAfter, statusInterval, grace, address);
    }

    /** Whether ingest and the query API are reachable from this machine only. */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    public boolean simulate() {
        return simulateRate > 0;
    }

    public Path tokensFile() {
        return dataDir.resolve("tokens.properties");
    }

    public StandaloneConfig withPorts(int kafka, int ingest, int processors) {
        return new StandaloneConfig(dataDir, advertisedHost, kafka, ingest, processors, partitions, simulateRate,
                simulation, citySilenceAfter, statusInterval, grace, host);
    }

    public StandaloneConfig withSimulation(double rate, GeneratorSettings settings) {
        return new StandaloneConfig(dataDir, advertisedHost, kafkaPort, ingestPort, processorsPort, partitions, rate,
                settings, citySilenceAfter, statusInterval, grace, host);
    }

    public StandaloneConfig withPartitions(int count) {
        return new StandaloneConfig(dataDir, advertisedHost, kafkaPort, ingestPort, processorsPort, count, simulateRate,
                simulation, citySilenceAfter, statusInterval, grace, host);
    }

    /** How long after a window ends its events still count; raise it to load history older than that. */
    public StandaloneConfig withGrace(Duration windowGrace) {
        return new StandaloneConfig(dataDir, advertisedHost, kafkaPort, ingestPort, processorsPort, partitions,
                simulateRate, simulation, citySilenceAfter, statusInterval, windowGrace, host);
    }

    public StandaloneConfig withTiming(Duration silence, Duration interval) {
        return new StandaloneConfig(dataDir, advertisedHost, kafkaPort, ingestPort, processorsPort, partitions,
                simulateRate, simulation, silence, interval, grace, host);
    }
}
