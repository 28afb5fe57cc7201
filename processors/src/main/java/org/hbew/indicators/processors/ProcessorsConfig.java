package org.hbew.indicators.processors;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hbew.indicators.kafka.KafkaClientProperties;
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
 * @param streamsOverrides    raw Kafka Streams properties applied last: the operator's Kafka client settings
 *                            (security) and tuning; their values may be secret and are never shown
 * @param readToken           the token the query API, its internal routes and {@code /metrics} require, and that
 *                            this instance presents to the others; empty for none
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
        Map<String, String> streamsOverrides,
        String readToken) {

    public static final String DEFAULT_APPLICATION_ID = "hbew-processors";
    public static final int DEFAULT_HTTP_PORT = 8081;
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

    public ProcessorsConfig {
        streamsOverrides = Map.copyOf(streamsOverrides);
        readToken = readToken == null ? "" : readToken.strip();
    }

    public static ProcessorsConfig defaults(String bootstrapServers, Path stateDir) {
        return new ProcessorsConfig(bootstrapServers, DEFAULT_APPLICATION_ID, stateDir, "0.0.0.0", DEFAULT_HTTP_PORT,
                "localhost", 1, 0, -1, "classic", DEFAULT_COMMIT_INTERVAL, TopologySettings.defaults(), 0,
                Duration.ofMinutes(15), Map.of(), "");
    }

    public ProcessorsConfig withHttpPort(int port) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, port, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval, topology,
                rawPartitions, citySilenceAfter, streamsOverrides, readToken);
    }

    public ProcessorsConfig withTopology(TopologySettings settings) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval, settings,
                rawPartitions, citySilenceAfter, streamsOverrides, readToken);
    }

    public ProcessorsConfig withReplicationFactor(int factor) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, factor, groupProtocol, commitInterval, topology, rawPartitions,
                citySilenceAfter, streamsOverrides, readToken);
    }

    public ProcessorsConfig withStandbyReplicas(int replicas) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, replicas, replicationFactor, groupProtocol, commitInterval, topology, rawPartitions,
                citySilenceAfter, streamsOverrides, readToken);
    }

    public ProcessorsConfig withApplicationId(String id) {
        return new ProcessorsConfig(bootstrapServers, id, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval, topology,
                rawPartitions, citySilenceAfter, streamsOverrides, readToken);
    }

    public ProcessorsConfig withCitySilenceAfter(Duration silence) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval, topology,
                rawPartitions, silence, streamsOverrides, readToken);
    }

    /** {@code classic} (the default) or {@code streams}, Kafka 4's broker-side rebalance protocol (KIP-1071). */
    public ProcessorsConfig withGroupProtocol(String protocol) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, protocol, commitInterval, topology,
                rawPartitions, citySilenceAfter, streamsOverrides, readToken);
    }

    public ProcessorsConfig withStreamsOverrides(Map<String, String> overrides) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval, topology,
                rawPartitions, citySilenceAfter, overrides, readToken);
    }

    /** The address the query API listens on: 0.0.0.0 for every interface, 127.0.0.1 for this machine only. */
    public ProcessorsConfig withHttpHost(String host) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, host, httpPort, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval, topology,
                rawPartitions, citySilenceAfter, streamsOverrides, readToken);
    }

    /** Requires {@code token} on the query API, its internal routes and {@code /metrics}; blank for none. */
    public ProcessorsConfig withReadToken(String token) {
        return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort, advertisedHost,
                streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval, topology,
                rawPartitions, citySilenceAfter, streamsOverrides, token);
    }

    /** {@code host:port} other instances use to reach this one's query API. */
    public String applicationServer() {
        return advertisedHost + ":" + httpPort;
    }

    /** Names the overridden settings but shows no secret value, and never the read token. */
    @Override
    public String toString() {
        return "ProcessorsConfig[bootstrapServers=" + bootstrapServers + ", applicationId=" + applicationId
                + ", stateDir=" + stateDir + ", http=" + httpHost + ":" + httpPort + ", advertisedHost="
                + advertisedHost + ", streamThreads=" + streamThreads + ", standbyReplicas=" + standbyReplicas
                + ", replicationFactor=" + replicationFactor + ", groupProtocol=" + groupProtocol
                + ", commitInterval=" + commitInterval + ", rawPartitions=" + rawPartitions + ", streamsOverrides="
                + KafkaClientProperties.of(streamsOverrides).describe() + ", readToken="
                + (readToken.isEmpty() ? "none" : "[hidden]") + "]";
    }
}
