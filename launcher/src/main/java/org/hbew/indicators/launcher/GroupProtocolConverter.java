package org.hbew.indicators.launcher;

import java.util.Arrays;
import java.util.Iterator;
import org.hbew.indicators.processors.GroupProtocol;
import picocli.CommandLine;

/** {@code --group-protocol} (and {@code HBEW_GROUP_PROTOCOL}) by the names Kafka Streams knows, in any case. */
final class GroupProtocolConverter implements CommandLine.ITypeConverter<GroupProtocol> {

    @Override
    public GroupProtocol convert(String value) {
        try {
            return GroupProtocol.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }

    /** The names offered in help and shell completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(GroupProtocol.values()).map(GroupProtocol::code).iterator();
        }
    }
}
