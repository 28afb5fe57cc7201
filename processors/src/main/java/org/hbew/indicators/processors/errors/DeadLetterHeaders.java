package org.hbew.indicators.processors.errors;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Headers;

/**
 * The headers of a record on hbew.events.dlq. The {@code __streams.errors.*} names are those of
 * Kafka Streams' own dead-letter records (KIP-1034), so one reader understands both the records our
 * validation sets aside and those Kafka Streams' exception handlers send; {@code hbew.dlq.reason} is
 * the bounded reason also used as the metric label.
 */
public final class DeadLetterHeaders {

    public static final String REASON = "hbew.dlq.reason";
    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";

    private DeadLetterHeaders() {
    }

    public static Headers write(Headers headers, String reason, String exception, String message, String topic,
                                int partition, long offset) {
        put(headers, REASON, reason);
        put(headers, EXCEPTION, exception);
        put(headers, MESSAGE, message);
        put(headers, TOPIC, topic);
        put(headers, PARTITION, Integer.toString(partition));
        put(headers, OFFSET, Long.toString(offset));
        return headers;
    }

    private static void put(Headers headers, String key, String value) {
        headers.remove(key);
        headers.add(key, value == null ? new byte[0] : value.getBytes(StandardCharsets.UTF_8));
    }

    public static String read(Headers headers, String key) {
        var header = headers.lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
