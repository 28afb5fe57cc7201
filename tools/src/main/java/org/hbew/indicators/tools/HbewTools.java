package org.hbew.indicators.tools;

import java.util.ArrayList;
import java.util.List;
import org.hbew.indicators.launcher.EnvironmentDefaults;
import org.hbew.indicators.launcher.Hbew;
import org.hbew.indicators.tools.HbewTools;
import picocli.CommandLine;

/**
 * {@code ./hbew}: the one-machine distribution. The services' commands of {@link Hbew} plus the tools that do not
 * belong in the services' artifact: standalone (the whole product around an embedded broker), the simulator, the
 * history import and the benchmark. The help lists standalone first, as the way in for a newcomer.
 */
public final class HbewTools {

    /** The commands only this distribution has; adding one is one line here. */
    static final List<Class<?>> TOOL_COMMANDS = List.of(
            SimulateCommand.class,
            ImportCommand.class,
            BenchCommand.class);

    private HbewTools() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@code main} runs it, reading defaults from the process environment. */
    public static CommandLine commandLine() {
        return commandLine(EnvironmentDefaults.fromSystem());
    }

    public static CommandLine commandLine(CommandLine.IDefaultValueProvider defaults) {
        List<Class<?>> commands = new ArrayList<>();
        commands.add(StandaloneCommand.class);
        commands.addAll(Hbew.SERVICE_COMMANDS);
        commands.addAll(TOOL_COMMANDS);
        return Hbew.commandLine(defaults, commands);
    }
}
