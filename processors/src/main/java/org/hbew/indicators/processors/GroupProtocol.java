package org.hbew.indicators.processors;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The rebalance protocol of the processors' Kafka Streams group, Kafka Streams' {@code group.protocol}. */
public enum GroupProtocol {

    /** The client-side assignor over the consumer group protocol, Kafka Streams' default. */
    CLASSIC,
    /** Kafka 4's broker-side streams rebalance protocol (KIP-1071): the broker assigns the tasks. */
    STREAMS;

    /** The value of {@code group.protocol} and of {@code --group-protocol}: {@code classic} or {@code streams}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The protocol named {@code value}, in any case, as Kafka Streams reads {@code group.protocol}.
     *
     * @throws IllegalArgumentException naming the protocols there are, for any other value
     */
    public static GroupProtocol parse(String value) {
        for (GroupProtocol protocol : values()) {
            if (protocol.code().equalsIgnoreCase(value)) {
                return protocol;
            }
        }
        throw new IllegalArgumentException("unknown group protocol '" + value + "'; known: " + codes());
    }

    /** {@code classic, streams}, for messages and help. */
    public static String codes() {
        return Arrays.stream(values()).map(GroupProtocol::code).collect(Collectors.joining(", "));
    }
}
