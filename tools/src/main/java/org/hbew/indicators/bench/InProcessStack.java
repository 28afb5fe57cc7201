package org.hbew.indicators.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.hbew.indicators.broker.EmbeddedKafkaBroker;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.ingest.TokenStore;
import org.hbew.indicators.kafka.KafkaClientProperties;
import org.hbew.indicators.kafka.KafkaRefusal;
import org.hbew.indicators.kafka.TopicProvisioner;
import org.hbew.indicators.kafka.TopicSpec;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.targets.TargetSeeder;

/**
 * The cluster the in-process phases share, and how every client of the benchmark reaches it. By default a real
 * KRaft broker of the benchmark's own on a free port with its data in the benchmark's temporary directory, set up
 * as standalone sets up its own; or an {@link ExternalCluster}, claimed through a {@link BenchFootprint} before
 * anything is written and cleared of everything the benchmark made when closed. Either way: the product's topics
 * with the run's partition count, the catalog's default targets, and a token per city.
 */
final class InProcessStack implements AutoCloseable {

    private static final Duration EMBEDDED_TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final String bootstrapServers;
    private final KafkaClientProperties clientSettings;
    private final short replicationFactor;
    private final Duration timeout;
    private final Optional<EmbeddedKafkaBroker> broker;
    private final Optional<BenchFootprint> footprint;
    private final BenchReport.Cluster cluster;
    private final int partitions;
    private TokenStore tokens;

    private InProcessStack(Path dir, String bootstrapServers, KafkaClientProperties clientSettings,
                           short replicationFactor, Duration timeout, Optional<EmbeddedKafkaBroker> broker,
                           Optional<BenchFootprint> footprint, BenchReport.Cluster cluster, int partitions) {
        this.dir = dir;
        this.bootstrapServers = bootstrapServers;
        this.clientSettings = clientSettings;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
        this.broker = broker;
        this.footprint = footprint;
        this.cluster = cluster;
        this.partitions = partitions;
    }

    /** Starts the benchmark's own broker and sets it up. */
    static InProcessStack start(Path dir, int partitions, Catalog catalog) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dir).brokerPort(0).build();
        try {
            broker.start();
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        return setUp(new InProcessStack(dir, broker.bootstrapServers(), KafkaClientProperties.none(), (short) 1,
                EMBEDDED_TIMEOUT, Optional.of(broker), Optional.empty(),
                BenchReport.Cluster.embedded(broker.bootstrapServers()), partitions), catalog);
    }

    /**
     * Claims the external cluster (refusing, before anything is written, one that holds the product's topics or an
     * earlier benchmark's) and sets it up.
     */
    static InProcessStack onExternal(Path dir, int partitions, Catalog catalog, ExternalCluster cluster) {
        Map<String, Object> admin = clientConfig(cluster.bootstrapServers(), cluster.settings(),
                adminTimeouts(cluster.timeout()));
        BenchFootprint footprint = BenchFootprint.claim(cluster.bootstrapServers(), admin, cluster.timeout());
        return setUp(new InProcessStack(dir, cluster.bootstrapServers(), cluster.settings(),
                cluster.replicationFactor(), cluster.timeout(), Optional.empty(), Optional.of(footprint),
                BenchReport.Cluster.external(cluster), partitions), catalog);
    }

    private static InProcessStack setUp(InProcessStack stack, Catalog catalog) {
        try {
            stack.createTopics(Topics.all());
            new TargetSeeder(catalog, stack.clientConfig(Map.of()), stack.timeout, Clock.systemUTC()).seed();
            stack.tokens = TokenStore.loadOrCreate(stack.dir.resolve("tokens.properties"), catalog.cityCodes());
            return stack;
        } catch (RuntimeException e) {
            try {
                stack.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    /** The operator's client settings (security above all); none for the embedded broker. */
    KafkaClientProperties clientSettings() {
        return clientSettings;
    }

    /** Of the topics the benchmark creates, Kafka Streams' internal ones included; -1 for the brokers' default. */
    short replicationFactor() {
        return replicationFactor;
    }

    /**
     * Where the clients connect and with which settings, for the report; once closed, with what could not be
     * removed from an external cluster.
     */
    BenchReport.Cluster description() {
        return cluster.withLeftBehind(footprint.map(BenchFootprint::leftBehind).orElse(List.of()));
    }

    /**
     * A client's own settings with the cluster's address and the operator's client settings over them, the way
     * every command of {@code ./hbew} applies {@code --kafka-config}.
     */
    Map<String, Object> clientConfig(Map<String, Object> own) {
        return clientConfig(bootstrapServers, clientSettings, own);
    }

    /** The gateway's producer settings on this cluster: the raw producer's and the latency phase's producer. */
    Map<String, Object> gatewayProducerConfig() {
        return clientConfig(GatewayProducerSettings.producer(bootstrapServers));
    }

    /** The offsets of this cluster, through an admin client of its own. */
    Offsets offsets() {
        return new Offsets(clientConfig(adminTimeouts(timeout)));
    }

    /**
     * The operator's client settings as an owner-only file in the benchmark's directory, for a tool or a child JVM
     * that reads them from a file; empty when there are none (the embedded broker, an open external cluster).
     */
    Optional<KafkaConfigFile> clientConfigFile(String name) {
        if (clientSettings.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(KafkaConfigFile.write(dir.resolve(name + ".properties"), clientSettings));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Kafka client settings for " + name, e);
        }
    }

    Path dir() {
        return dir;
    }

    TokenStore tokens() {
        return tokens;
    }

    /** Each city's own token, for the city that posts a batch. */
    Map<String, String> cityTokens() {
        return cityTokens(tokens);
    }

    static Map<String, String> cityTokens(TokenStore tokens) {
        Map<String, String> byCity = new LinkedHashMap<>();
        tokens.principals().stream()
                .filter(p -> !p.equals(TokenStore.ADMIN) && !p.equals(TokenStore.READER))
                .forEach(p -> tokens.token(p).ifPresent(t -> byCity.put(p, t)));
        return byCity;
    }

    /** Creates topics of the benchmark's own beside the product's, laid out like them. */
    void createTopics(TopicSpec... specs) {
        createTopics(List.of(specs));
    }

    private void createTopics(List<TopicSpec> specs) {
        try (Admin admin = Admin.create(clientConfig(adminTimeouts(timeout)))) {
            new TopicProvisioner(admin, partitions, replicationFactor, timeout).ensure(specs);
        } catch (RuntimeException e) {
            // A user without the benchmark's ACLs meets them here first; say so in the words of every command.
            Optional<String> refusal = KafkaRefusal.describe(e);
            if (refusal.isPresent()) {
                throw new IllegalStateException("cannot create the topics on " + bootstrapServers + ": "
                        + refusal.get() + "; the benchmark's user needs those of ./hbew acls --bench-user", e);
            }
            throw e;
        }
    }

    /** The end offsets of hbew.events.raw: what a job starting now has to work off. */
    Map<TopicPartition, Long> rawEndOffsets() {
        try (Offsets offsets = offsets()) {
            return offsets.end(Topics.RAW.name());
        }
    }

    /**
     * Stops the embedded broker, or removes from the external cluster everything the benchmark made there (what
     * cannot be removed is logged and shown by {@link #description()}).
     */
    @Override
    public void close() {
        broker.ifPresent(EmbeddedKafkaBroker::close);
        footprint.ifPresent(BenchFootprint::close);
    }

    private static Map<String, Object> clientConfig(String bootstrapServers, KafkaClientProperties settings,
                                                    Map<String, Object> own) {
        Map<String, Object> config = new HashMap<>(own);
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return settings.applyTo(config);
    }

    /** An admin client that gives up after the timeout rather than Kafka's default of a minute. */
    private static Map<String, Object> adminTimeouts(Duration timeout) {
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        return Map.of(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, millis,
                CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
    }
}
