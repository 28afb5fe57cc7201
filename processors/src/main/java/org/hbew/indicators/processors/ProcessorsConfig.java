package org.hbew.indicators.processors;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hbew.indicators.processors.topology.TopologySettings;

/**
 * Everything one processor instance needs. Several instances with the same {@code applicationId}
 * share the work; each serves the query API on its own port and names it in {@code advertisedHost}
 * so the others can route requests to it.
 *
 * @param rawPartitions       partitions of hbew.events.raw; 0 means "ask the cluster at start-up"
 * @param replicationFactor   of internal topics (changelogs, repartition): 1 on a single broker, -1 = broker default
 * @param commitInterval      how often offsets, state and outputs are committed: under exactly-once a downstream reader
 *                            sees new figures only then, so this bounds their latency (Kafka's own default under
 *                            exactly-once); a commit writes only what changed, so it stays cheap
 * @param citySilenceAfter    how long without any event before a city counts as silent (exported for alert rules)
 * @param streamsOverrides    raw Kafka Streams properties applied last
 */
public record ProcessorsConfig(
        String bootstrapServers,
        String applicationId,
        Path stateDir,
        String httpHost,
        int httpPort,
        String advertisedHost,
        int streamThreads,
        int standbyReplicas,
        int replicationFactor,
        String groupProtocol,
        Duration commitInterval,
        TopologySettings topology,
        int rawPartitions,
        Duration citySilenceAfter,
        Map<String, String> streamsOverrides) {

    public static final String DEFAULT_APPLICATION_ID = "hbew-processors";
    public static final int DEFAULT_HTTP_PORT = 8081;
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

    public ProcessorsConfig {
        streamsOverrides = Map.copyOf(streamsOverrides);
    }

    public static ProcessorsConfig defaults(String bootstrapServers, Path stateDir) {
        return new ProcessorsConfig(bootstrapServers, DEFAULT_APPLICATION_ID, stateDir, "0.0.0.0", DEFAULT_HTTP_PORT,
                "localhost", 1, 0, -1, "classic", DEFAULT_COMMIT_INTERVAL, TopologySettings.defaults(), 0,
                Duration.ofMinutes(15), Map.of());
    }

    public ProcessorsConfig withHttpPort(int port) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, port, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval, topology,
                rawPartitions, citySilenceAfter, streamsOverrides);
    }

    public ProcessorsConfig withTopology(TopologySettings settings) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval, settings,
                rawPartitions, citySilenceAfter, streamsOverrides);
    }

    public ProcessorsConfig withReplicationFactor(int factor) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, factor, groupProtocol, commitInterval, topology, rawPartitions,
                citySilenceAfter, streamsOverrides);
    }

    public ProcessorsConfig withStandbyReplicas(int replicas) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, replicas, replicationFactor, groupProtocol, commitInterval, topology, rawPartitions,
                citySilenceAfter, streamsOverrides);
    }

    public ProcessorsConfig withApplicationId(String id) {
        return new ProcessorsConfig(bootstrapServers, id, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval, topology,
                rawPartitions, citySilenceAfter, streamsOverrides);
    }

    public ProcessorsConfig withCitySilenceAfter(Duration silence) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval, topology,
                rawPartitions, silence, streamsOverrides);
    }

    /** {@code classic} (the default) or {@code streams}, Kafka 4's broker-side rebalance protocol (KIP-1071). */
    public ProcessorsConfig withGroupProtocol(String protocol) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, protocol, commitInterval, topology,
                rawPartitions, citySilenceAfter, streamsOverrides);
    }

    public ProcessorsConfig withStreamsOverrides(Map<String, String> overrides) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval, topology,
                rawPartitions, citySilenceAfter, overrides);
    }

    /** {@code host:port} other instances use to reach this one's query API. */
    public String applicationServer() {
        return advertisedHost + ":" + httpPort;
    }
}
