package org.hbew.indicators.processors.state;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.ToLongFunction;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A value serde that writes an 8-byte timestamp before the value's own bytes: the layout of Kafka Streams'
 * timestamped stores, which the DSL's window aggregation used for the same stores and changelogs. Keeping it
 * lets state written by the earlier topology be restored by this one.
 */
public final class TimestampPrefixedSerde<V> implements Serde<V> {

    private static final int TIMESTAMP_BYTES = Long.BYTES;

    private final Serde<V> values;
    private final ToLongFunction<V> timestampOf;

    public TimestampPrefixedSerde(Serde<V> values, ToLongFunction<V> timestampOf) {
        this.values = values;
        this.timestampOf = timestampOf;
    }

    @Override
    public Serializer<V> serializer() {
        Serializer<V> inner = values.serializer();
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            byte[] bytes = inner.serialize(topic, value);
            return ByteBuffer.allocate(TIMESTAMP_BYTES + bytes.length).putLong(timestampOf.applyAsLong(value))
                    .put(bytes).array();
        };
    }

    @Override
    public Deserializer<V> deserializer() {
        Deserializer<V> inner = values.deserializer();
        return (topic, bytes) -> bytes == null ? null
                : inner.deserialize(topic, Arrays.copyOfRange(bytes, TIMESTAMP_BYTES, bytes.length));
    }
}
