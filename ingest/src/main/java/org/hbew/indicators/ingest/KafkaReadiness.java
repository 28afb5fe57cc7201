package org.hbew.indicators.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.hbew.indicators.kafka.KafkaRefusal;
import org.hbew.indicators.kafka.Topics;

/**
 * Whether the gateway can take events: {@code hbew.events.raw} exists on a reachable cluster and each of its
 * partitions has a leader. The answer is cached for a couple of seconds, so that probes from several load
 * balancers and Prometheus do not each cost a round trip; concurrent probes wait for one check.
 */
final class KafkaReadiness implements AutoCloseable {

    static final Duration MAX_AGE = Duration.ofSeconds(2);
    static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    /** The outcome of one check: ready or not, and why, in words an operator can act on. */
    record Status(boolean ready, String detail) {
    }

    private final Admin admin;
    private Status last;
    private long checkedAtNanos;

    KafkaReadiness(Admin admin) {
        this.admin = admin;
    }

    synchronized Status check() {
        long now = System.nanoTime();
        if (last == null || now - checkedAtNanos > MAX_AGE.toNanos()) {
            last = probe();
            checkedAtNanos = System.nanoTime();
        }
        return last;
    }

    private Status probe() {
        String topic = Topics.RAW.name();
        try {
            TopicDescription description = admin.describeTopics(List.of(topic),
                            new DescribeTopicsOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis()))
                    .allTopicNames()
                    .get(PROBE_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS)
                    .get(topic);
            for (TopicPartitionInfo partition : description.partitions()) {
                if (partition.leader() == null || partition.leader().isEmpty()) {
                    return new Status(false, "partition " + partition.partition() + " of " + topic + " has no leader");
                }
            }
            return new Status(true, topic + " has " + description.partitions().size() + " partitions with leaders");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return new Status(false, "topic " + topic + " does not exist; create it with ./hbew topics");
            }
            Optional<String> refusal = KafkaRefusal.describe(e);
            if (refusal.isPresent()) {
                return new Status(false, "cannot describe " + topic + ": " + refusal.get());
            }
            return new Status(false, "Kafka is not reachable: " + e.getCause().getClass().getSimpleName());
        } catch (TimeoutException e) {
            return new Status(false, "Kafka did not answer within " + PROBE_TIMEOUT.toSeconds() + "s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Status(false, "interrupted while asking Kafka");
        }
    }

    @Override
    public void close() {
        admin.close(PROBE_TIMEOUT);
    }
}
