package org.hbew.indicators.launcher;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Lets every option be set by an environment variable {@code HBEW_<OPTION>}: {@code --bootstrap-servers}
 * reads {@code HBEW_BOOTSTRAP_SERVERS}, {@code --simulate-rate} reads {@code HBEW_SIMULATE_RATE}. The
 * command line wins over the variable, the variable over the built-in default, so containers configure
 * the launcher without a wrapper script. Help and version flags are left alone.
 */
public final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {

    public static final String PREFIX = "HBEW_";

    private final Map<String, String> environment;

    public EnvironmentDefaults(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** The variables this provider reads, for settings that are not options (such as {@code HBEW_KAFKA_*}). */
    public Map<String, String> environment() {
        return environment;
    }

    public static EnvironmentDefaults fromSystem() {
        return new EnvironmentDefaults(System.getenv());
    }

    /** {@code --bootstrap-servers} → {@code HBEW_BOOTSTRAP_SERVERS}. */
    public static String variableName(String optionName) {
        String bare = optionName.replaceFirst("^-+", "");
        return PREFIX + bare.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /** The variable's value for the option, if it is set and not blank. */
    public static Optional<String> lookup(String optionName, Map<String, String> environment) {
        String value = environment.get(variableName(optionName));
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** Whether an option takes its default from the environment: all but help and version flags. */
    static boolean applies(ArgSpec spec) {
        return spec instanceof OptionSpec option && !option.usageHelp() && !option.versionHelp();
    }

    @Override
    public String defaultValue(ArgSpec spec) {
        if (!applies(spec)) {
            return null;
        }
        return lookup(((OptionSpec) spec).longestName(), environment).orElse(null);
    }
}
