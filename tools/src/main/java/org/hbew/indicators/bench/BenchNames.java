package org.hbew.indicators.bench;

import org.hbew.indicators.acls.AclPlan;
import org.hbew.indicators.kafka.TopicSpec;
import org.hbew.indicators.kafka.Topics;

/**
 * The names of what the benchmark makes on a cluster besides the product's topics: its own topics start with
 * {@value #TOPIC_PREFIX}, its application ids with {@value #ID_PREFIX}, and so do everything Kafka names after an
 * application id: the consumer groups, Kafka Streams' internal topics, the transactional ids of exactly-once. On an
 * external cluster these and the product's topics are what the benchmark must not find before it starts and what
 * it removes at the end ({@link BenchFootprint}); {@code ./hbew acls --bench-user} grants a user exactly these.
 */
public final class BenchNames {

    public static final String TOPIC_PREFIX = AclPlan.BENCH_TOPIC_PREFIX;
    public static final String ID_PREFIX = AclPlan.BENCH_ID_PREFIX;

    private BenchNames() {
    }

    static boolean isProductTopic(String topic) {
        return Topics.all().stream().map(TopicSpec::name).anyMatch(topic::equals);
    }

    /** A topic of the benchmark's own: B0's, the plain job's output, or an internal topic of one of its apps. */
    static boolean isBenchTopic(String topic) {
        return topic.startsWith(TOPIC_PREFIX) || topic.startsWith(ID_PREFIX);
    }

    /** A consumer group of the benchmark: one of its Kafka Streams application ids. */
    static boolean isBenchGroup(String group) {
        return group.startsWith(ID_PREFIX);
    }
}
