package org.hbew.indicators.bench;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.hbew.indicators.broker.EmbeddedKafkaBroker;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.ingest.TokenStore;
import org.hbew.indicators.kafka.TopicProvisioner;
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

    private InProcessStack(Path dir, EmbeddedKafkaBroker broker, TokenStore tokens) {
        this.dir = dir;
        this.broker = broker;
        this.tokens = tokens;
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
            return new InProcessStack(dir, broker, tokens);
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

    /**
     * Records on hbew.events.raw: the sum of its end offsets. Exact, since nothing writes it in transactions
     * (whose markers would take offsets too).
     */
    long rawRecords() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.RAW.name())).allTopicNames()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(Topics.RAW.name()).partitions().stream()
                    .map(p -> new TopicPartition(Topics.RAW.name(), p.partition()))
                    .toList();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting the records of " + Topics.RAW.name(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot count the records of " + Topics.RAW.name() + ": " + e, e);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
