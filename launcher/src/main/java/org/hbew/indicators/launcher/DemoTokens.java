package org.hbew.indicators.launcher;

import java.util.Collection;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The demo tokens of {@code docker-compose.yml} ({@code demo-hohhot-token}, ..., {@code demo-reader-token}) are
 * public: they are in the repository. A service refuses to start with any of them unless the operator says this
 * is a demo with {@code HBEW_DEMO=1}, so a stack copied to a server without its own tokens does not run open
 * to anyone who read the README.
 */
final class DemoTokens {

    static final String PREFIX = "demo-";
    static final String VARIABLE = "HBEW_DEMO";

    private DemoTokens() {
    }

    static boolean isDemo(String token) {
        return token.startsWith(PREFIX);
    }

    static boolean demoAllowed(Map<String, String> environment) {
        String value = environment.getOrDefault(VARIABLE, "").strip();
        return "1".equals(value) || "true".equalsIgnoreCase(value);
    }

    /**
     * @throws CommandLine.ParameterException if a token is a demo token and {@code HBEW_DEMO} is not 1
     */
    static void refuseUnlessDemo(CommandSpec spec, Collection<String> tokens) {
        if (tokens.stream().anyMatch(DemoTokens::isDemo) && !demoAllowed(KafkaConfigOption.environment(spec))) {
            throw new CommandLine.ParameterException(spec.commandLine(), "refusing the demo tokens (" + PREFIX
                    + "...), which anyone can read in the repository: set your own (HBEW_TOKENS, --tokens, "
                    + "HBEW_READ_TOKEN), or " + VARIABLE + "=1 for a demo");
        }
    }
}
