package org.hbew.indicators.kafka;

import java.util.Map;

/**
 * How a topic is laid out on the cluster.
 *
 * @param scalesOut whether the topic takes the deployment's partition count; small control topics
 *                  (targets) keep one partition so every reader sees one ordered history
 * @param configs   topic-level configs (cleanup.policy, retention.ms, ...)
 */
public record TopicSpec(String name, boolean scalesOut, Map<String, String> configs, String purpose) {

    public TopicSpec {
        configs = Map.copyOf(configs);
    }

    public int partitions(int deploymentPartitions) {
        return scalesOut ? deploymentPartitions : 1;
    }
}
