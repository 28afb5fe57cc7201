package org.hbew.indicators.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.TopicPartition;
import org.hbew.indicators.broker.EmbeddedKafkaBroker;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.ingest.TokenStore;
import org.hbew.indicators.kafka.TopicProvisioner;
import org.hbew.indicators.kafka.TopicSpec;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.targets.TargetSeeder;

/**
 * The broker the in-process phases share, set up as standalone sets up its own: a real KRaft broker on a free
 * port with its data in the benchmark's temporary directory, the product's topics with standalone's partition
 * count, the catalog's default targets, and a token per city.
 */
final class InProcessStack implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final EmbeddedKafkaBroker broker;
    private final TokenStore tokens;
    private final int partitions;

    private InProcessStack(Path dir, EmbeddedKafkaBroker broker, TokenStore tokens, int partitions) {
        this.dir = dir;
        this.broker = broker;
        this.tokens = tokens;
        this.partitions = partitions;
    }

    static InProcessStack start(Path dir, int partitions, Catalog catalog) {
        EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder(dir).brokerPort(0).build();
        try {
            broker.start();
            Map<String, Object> client = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
            try (Admin admin = Admin.create(client)) {
                new TopicProvisioner(admin, partitions, (short) 1, TIMEOUT).ensure(Topics.all());
            }
            new TargetSeeder(catalog, client, TIMEOUT, Clock.systemUTC()).seed();
            TokenStore tokens = TokenStore.loadOrCreate(dir.resolve("tokens.properties"), catalog.cityCodes());
            return new InProcessStack(dir, broker, tokens, partitions);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
    }

    String bootstrapServers() {
        return broker.bootstrapServers();
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

    /** Creates topics of the benchmark's own beside the product's, laid out like them (one replica). */
    void createTopics(TopicSpec... specs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            new TopicProvisioner(admin, partitions, (short) 1, TIMEOUT).ensure(List.of(specs));
        }
    }

    /** The end offsets of hbew.events.raw: what a job starting now has to work off. */
    Map<TopicPartition, Long> rawEndOffsets() {
        try (Offsets offsets = new Offsets(bootstrapServers())) {
            return offsets.end(Topics.RAW.name());
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
