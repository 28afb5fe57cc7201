package org.hbew.indicators.tools;

import java.util.Arrays;
import java.util.Iterator;
import org.hbew.indicators.simulator.Scenario;
import picocli.CommandLine;

/** Scenarios by their command-line names ({@code city-outage}), which are not Java enum names. */
final class ScenarioConverter implements CommandLine.ITypeConverter<Scenario> {

    @Override
    public Scenario convert(String value) {
        return Scenario.fromCode(value.strip()).orElseThrow(() -> new CommandLine.TypeConversionException(
                "unknown scenario '" + value + "'; known: " + Scenario.knownCodes()));
    }

    /** The names offered in help and shell completion. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Scenario.values()).map(Scenario::code).iterator();
        }
    }
}
