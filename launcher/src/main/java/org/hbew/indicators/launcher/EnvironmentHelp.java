package org.hbew.indicators.launcher;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Adds an "Environment:" section to every command's help, naming the variable each option reads (see
 * {@link EnvironmentDefaults}), so the variables are discoverable where the options are.
 */
final class EnvironmentHelp {

    static final String SECTION_KEY = "environment";

    private EnvironmentHelp() {
    }

    /** Installs the section on the command and all its subcommands, once each. */
    static void install(CommandLine commandLine) {
        List<String> keys = new ArrayList<>(commandLine.getHelpSectionKeys());
        if (!keys.contains(SECTION_KEY)) {
            int at = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER_HEADING);
            keys.add(at < 0 ? keys.size() : at, SECTION_KEY);
            commandLine.setHelpSectionKeys(keys);
        }
        commandLine.getHelpSectionMap().put(SECTION_KEY, EnvironmentHelp::render);
        commandLine.getSubcommands().values().forEach(EnvironmentHelp::install);
    }

    static String render(CommandLine.Help help) {
        List<OptionSpec> options = help.commandSpec().options().stream()
                .filter(EnvironmentDefaults::applies)
                .filter(o -> !o.hidden())
                .toList();
        if (options.isEmpty()) {
            return "";
        }
        int width = options.stream().mapToInt(o -> EnvironmentDefaults.variableName(o.longestName()).length())
                .max().orElse(0);
        StringBuilder section = new StringBuilder(String.format("%nEnvironment (used when the option is not given):%n"));
        for (OptionSpec option : options) {
            String variable = EnvironmentDefaults.variableName(option.longestName());
            section.append(String.format("  %-" + width + "s  %s%n", variable, option.longestName()));
        }
        return section.toString();
    }
}
