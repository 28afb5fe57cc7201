package org.hbew.indicators.launcher;

import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import org.apache.kafka.streams.GroupProtocol;
import picocli.CommandLine;

/**
 * {@code --group-protocol} (and {@code HBEW_GROUP_PROTOCOL}) by the names Kafka Streams knows, in any case, read by
 * Kafka Streams' own {@link GroupProtocol#of}; an unknown name is refused naming the known ones, in lower case as
 * Kafka Streams writes its default.
 */
final class GroupProtocolConverter implements CommandLine.ITypeConverter<GroupProtocol> {

    @Override
    public GroupProtocol convert(String value) {
        try {
            return GroupProtocol.of(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("unknown group protocol '" + value + "'; known: "
                    + String.join(", ", new Names()));
        }
    }

    /** The names offered in help, shell completion and the refusal: {@code classic, streams}. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(GroupProtocol.values()).map(protocol -> protocol.name().toLowerCase(Locale.ROOT)).iterator();
        }
    }
}
