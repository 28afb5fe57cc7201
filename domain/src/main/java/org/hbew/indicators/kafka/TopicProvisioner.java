package org.hbew.indicators.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the product's topics on a cluster, or checks that existing ones match their definition.
 * Used by standalone at start-up, by {@code ./hbew topics}, and by the tests.
 */
public final class TopicProvisioner {

    private final Admin admin;
    private final int partitions;
    private final short replicationFactor;
    private final Duration timeout;

    /**
     * @param partitions        partitions of the topics that scale out (see {@link TopicSpec#scalesOut()})
     * @param replicationFactor 1 for a single broker, 3 for a production cluster
     */
    public TopicProvisioner(Admin admin, int partitions, short replicationFactor, Duration timeout) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, got " + partitions);
        }
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
        this.timeout = timeout;
    }

    /** What a run found: topics created, topics already there, and how existing ones differ. */
    public record Report(List<String> created, List<String> existing, List<String> differences) {
        public boolean matches() {
            return differences.isEmpty();
        }
    }

    /** Creates what is missing, then checks everything. */
    public Report ensure(Collection<TopicSpec> specs) {
        Set<String> present = listTopics();
        List<String> created = new ArrayList<>();
        List<NewTopic> missing = specs.stream()
                .filter(spec -> !present.contains(spec.name()))
                .map(spec -> new NewTopic(spec.name(), spec.partitions(partitions), replicationFactor).configs(spec.configs()))
                .toList();
        if (!missing.isEmpty()) {
            try {
                admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("cannot create topics: " + e.getCause().getMessage(), e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", e);
            } catch (TimeoutException e) {
                throw new IllegalStateException("creating topics took longer than " + timeout, e);
            }
            missing.forEach(t -> created.add(t.name()));
            awaitVisible(created);
        }
        Report checked = verify(specs);
        return new Report(created, checked.existing(), checked.differences());
    }

    /** Checks without changing anything: missing topics, partition counts, cleanup policy and retention. */
    public Report verify(Collection<TopicSpec> specs) {
        Set<String> present = listTopics();
        List<String> existing = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        List<String> names = specs.stream().map(TopicSpec::name).filter(present::contains).toList();
        Map<String, TopicDescription> descriptions = await(admin.describeTopics(names).allTopicNames());
        Map<ConfigResource, Config> configs = await(admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all());
        for (TopicSpec spec : specs) {
            if (!present.contains(spec.name())) {
                differences.add(spec.name() + ": missing");
                continue;
            }
            existing.add(spec.name());
            int actual = descriptions.get(spec.name()).partitions().size();
            if (actual != spec.partitions(partitions)) {
                differences.add(spec.name() + ": has " + actual + " partitions, expected " + spec.partitions(partitions));
            }
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name()));
            for (String key : List.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.RETENTION_MS_CONFIG)) {
                String expected = spec.configs().get(key);
                ConfigEntry entry = config.get(key);
                if (expected != null && (entry == null || !normalise(expected).equals(normalise(entry.value())))) {
                    differences.add(spec.name() + ": " + key + " is " + (entry == null ? "unset" : entry.value())
                            + ", expected " + expected);
                }
            }
        }
        return new Report(List.of(), existing, differences);
    }

    /** A created topic shows up in metadata a moment later; until it does, verification would call it missing. */
    private void awaitVisible(List<String> names) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!listTopics().containsAll(names)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("created topics " + names + " did not appear within " + timeout);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for new topics", e);
            }
        }
    }

    private static String normalise(String value) {
        return value.replace(" ", "");
    }

    private Set<String> listTopics() {
        return await(admin.listTopics().names()).stream().collect(Collectors.toSet());
    }

    private <T> T await(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to the cluster", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cluster request failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("cluster did not answer within " + timeout, e);
        }
    }
}
