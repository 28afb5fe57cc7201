package org.hbew.indicators.kafka;

import org.apache.kafka.common.serialization.Serde;

/** A topic together with the serdes of its keys and values, so a reader and a writer cannot disagree. */
public record Topic<K, V>(TopicSpec spec, Serde<K> keySerde, Serde<V> valueSerde) {

    public String name() {
        return spec.name();
    }
}
