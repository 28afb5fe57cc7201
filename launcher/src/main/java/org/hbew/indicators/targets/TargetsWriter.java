package org.hbew.indicators.targets;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.records.TargetRecord;

/**
 * Writes targets to {@code hbew.targets}, keyed by {@link Keys#target}, and waits for each write to be
 * acknowledged by all in-sync replicas, so a command that says "set" has set it.
 */
public final class TargetsWriter implements AutoCloseable {

    private final KafkaProducer<String, TargetRecord> producer;
    private final Duration timeout;

    public TargetsWriter(Map<String, Object> clientConfig, Duration timeout) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout.toMillis());
        int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, millis);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(millis, 30_000));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(config, Topics.TARGETS.keySerde().serializer(),
                Topics.TARGETS.valueSerde().serializer());
        this.timeout = timeout;
    }

    /** Publishes the target under its key. */
    public void put(TargetRecord target) {
        send(key(target), target);
    }

    /** Publishes a tombstone for the key, removing the target it held. */
    public void delete(int item, String indicator, String city) {
        send(Keys.target(item, indicator, city), null);
    }

    public static String key(TargetRecord target) {
        return Keys.target(target.item(), target.indicator(), target.city());
    }

    private void send(String key, TargetRecord value) {
        try {
            producer.send(new ProducerRecord<>(Topics.TARGETS.name(), key, value))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot write " + key + " to " + Topics.TARGETS.name() + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("writing " + key + " to " + Topics.TARGETS.name() + " took longer than "
                    + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing " + key, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
