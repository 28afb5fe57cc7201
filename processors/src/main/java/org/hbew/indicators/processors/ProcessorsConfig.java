package org.hbew.indicators.processors;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.GroupProtocol;
import org.hbew.indicators.kafka.KafkaClientProperties;
import org.hbew.indicators.processors.topology.TopologySettings;

/**
 * Everything one processor instance needs. Several instances with the same {@code applicationId}
 * share the work; each serves the query API on its own port and names it in {@code advertisedHost}
 * so the others can route requests to it.
 *
 * <p>Made in one way: {@link #builder} on the defaults, or {@link #toBuilder()} on another configuration, changing
 * what differs. Only the builder calls the constructor, so a new setting is added here and nowhere else.
 *
 * @param replicationFactor   of internal topics (changelogs, repartition): 1 on a single broker, -1 = broker default
 * @param groupProtocol       the rebalance protocol; {@link GroupProtocol#STREAMS} lets the broker assign the tasks
 * @param commitInterval      how often offsets, state and outputs are committed: under exactly-once a downstream reader
 *                            sees new figures only then, so this bounds their latency (Kafka's own default under
 *                            exactly-once); a commit writes only what changed, so it stays cheap
 * @param topology            what shapes the topology; its partitions of hbew.events.raw are usually left to be asked
 *                            of the cluster at start-up ({@link TopologySettings#PARTITIONS_OF_THE_CLUSTER})
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
        GroupProtocol groupProtocol,
        Duration commitInterval,
        TopologySettings topology,
        Duration citySilenceAfter,
        Map<String, String> streamsOverrides,
        String readToken) {

    public static final String DEFAULT_APPLICATION_ID = "hbew-processors";
    public static final int DEFAULT_HTTP_PORT = 8081;
    public static final Duration DEFAULT_COMMIT_INTERVAL = Duration.ofMillis(100);

    public ProcessorsConfig {
        Objects.requireNonNull(groupProtocol, "groupProtocol");
        Objects.requireNonNull(topology, "topology");
        streamsOverrides = Map.copyOf(streamsOverrides);
        readToken = readToken == null ? "" : readToken.strip();
    }

    public static ProcessorsConfig defaults(String bootstrapServers, Path stateDir) {
        return builder(bootstrapServers, stateDir).build();
    }

    /** A builder on the defaults, for the cluster at {@code bootstrapServers} and local state in {@code stateDir}. */
    public static Builder builder(String bootstrapServers, Path stateDir) {
        return new Builder(bootstrapServers, stateDir);
    }

    /** A builder on this configuration: {@code config.toBuilder().httpPort(p).build()} differs in its port only. */
    public Builder toBuilder() {
        return new Builder(this);
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
                + ", replicationFactor=" + replicationFactor + ", groupProtocol=" + groupProtocol.name().toLowerCase(Locale.ROOT)
                + ", commitInterval=" + commitInterval + ", rawPartitions=" + topology.rawPartitions()
                + ", streamsOverrides=" + KafkaClientProperties.of(streamsOverrides).describe() + ", readToken="
                + (readToken.isEmpty() ? "none" : "[hidden]") + "]";
    }

    /** A configuration in the making. */
    public static final class Builder {

        private String bootstrapServers;
        private String applicationId = DEFAULT_APPLICATION_ID;
        private Path stateDir;
        private String httpHost = "0.0.0.0";
        private int httpPort = DEFAULT_HTTP_PORT;
        private String advertisedHost = "localhost";
        private int streamThreads = 1;
        private int standbyReplicas = 0;
        private int replicationFactor = -1;
        private GroupProtocol groupProtocol = GroupProtocol.CLASSIC;
        private Duration commitInterval = DEFAULT_COMMIT_INTERVAL;
        private TopologySettings topology = TopologySettings.builder().build();
        private Duration citySilenceAfter = Duration.ofMinutes(15);
        private Map<String, String> streamsOverrides = Map.of();
        private String readToken = "";

        private Builder(String bootstrapServers, Path stateDir) {
            this.bootstrapServers = bootstrapServers;
            this.stateDir = stateDir;
        }

        private Builder(ProcessorsConfig config) {
            bootstrapServers = config.bootstrapServers;
            applicationId = config.applicationId;
            stateDir = config.stateDir;
            httpHost = config.httpHost;
            httpPort = config.httpPort;
            advertisedHost = config.advertisedHost;
            streamThreads = config.streamThreads;
            standbyReplicas = config.standbyReplicas;
            replicationFactor = config.replicationFactor;
            groupProtocol = config.groupProtocol;
            commitInterval = config.commitInterval;
            topology = config.topology;
            citySilenceAfter = config.citySilenceAfter;
            streamsOverrides = config.streamsOverrides;
            readToken = config.readToken;
        }

        public Builder bootstrapServers(String value) {
            bootstrapServers = value;
            return this;
        }

        public Builder applicationId(String value) {
            applicationId = value;
            return this;
        }

        public Builder stateDir(Path value) {
            stateDir = value;
            return this;
        }

        /** The address the query API listens on: 0.0.0.0 for every interface, 127.0.0.1 for this machine only. */
        public Builder httpHost(String value) {
            httpHost = value;
            return this;
        }

        public Builder httpPort(int value) {
            httpPort = value;
            return this;
        }

        public Builder advertisedHost(String value) {
            advertisedHost = value;
            return this;
        }

        public Builder streamThreads(int value) {
            streamThreads = value;
            return this;
        }

        public Builder standbyReplicas(int value) {
            standbyReplicas = value;
            return this;
        }

        public Builder replicationFactor(int value) {
            replicationFactor = value;
            return this;
        }

        public Builder groupProtocol(GroupProtocol value) {
            groupProtocol = value;
            return this;
        }

        public Builder commitInterval(Duration value) {
            commitInterval = value;
            return this;
        }

        public Builder topology(TopologySettings value) {
            topology = value;
            return this;
        }

        public Builder citySilenceAfter(Duration value) {
            citySilenceAfter = value;
            return this;
        }

        public Builder streamsOverrides(Map<String, String> value) {
            streamsOverrides = value;
            return this;
        }

        /** Requires {@code token} on the query API, its internal routes and {@code /metrics}; blank for none. */
        public Builder readToken(String value) {
            readToken = value;
            return this;
        }

        public ProcessorsConfig build() {
            return new ProcessorsConfig(bootstrapServers, applicationId, stateDir, httpHost, httpPort,
                    advertisedHost, streamThreads, standbyReplicas, replicationFactor, groupProtocol, commitInterval,
                    topology, citySilenceAfter, streamsOverrides, readToken);
        }
    }
}
