package org.hbew.indicators.launcher;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code hbew}: the command line of the services' artifact (the Docker image), with the commands a deployment runs.
 * Each subcommand is a class of its own; adding one is one line in {@link #SERVICE_COMMANDS}.
 * {@link #commandLine(CommandLine.IDefaultValueProvider, List)} wires what every command shares (defaults from
 * {@code HBEW_*} variables, the environment help section, exit codes), so tests run exactly what {@code main} runs,
 * and the tools module's {@code ./hbew} adds its own commands (standalone, simulate, import, bench) the same way.
 */
@Command(name = "hbew",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Indicators of the Hohhot-Baotou-Ordos-Ulanqab cooperation agreement on Apache Kafka.",
        footer = {"", "Every option can also be set by an environment variable HBEW_<OPTION>,",
                "e.g. HBEW_BOOTSTRAP_SERVERS for --bootstrap-servers. Run 'hbew help <command>' for a command's options."})
public final class Hbew implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Hbew.class);

    @Spec
    private CommandSpec spec;

    /** The commands of a deployment, in the order the help lists them. */
    public static final List<Class<?>> SERVICE_COMMANDS = List.of(
            IngestCommand.class,
            ProcessorsCommand.class,
            TopicsCommand.class,
            TargetsCommand.class,
            AclsCommand.class);

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@code main} runs it, reading defaults from the process environment. */
    public static CommandLine commandLine() {
        return commandLine(EnvironmentDefaults.fromSystem());
    }

    public static CommandLine commandLine(CommandLine.IDefaultValueProvider defaults) {
        return commandLine(defaults, SERVICE_COMMANDS);
    }

    /**
     * A command line with these commands, in this order, and {@code help}. Every setting is made after the commands
     * are added, since picocli passes a setting on only to the subcommands it already has.
     */
    public static CommandLine commandLine(CommandLine.IDefaultValueProvider defaults, List<Class<?>> commands) {
        CommandLine commandLine = new CommandLine(new Hbew());
        for (Class<?> command : commands) {
            commandLine.addSubcommand(command);
        }
        commandLine.addSubcommand(CommandLine.HelpCommand.class);
        commandLine.setDefaultValueProvider(defaults);
        commandLine.setExecutionExceptionHandler(new FailureHandler());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        EnvironmentHelp.install(commandLine);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing");
    }

    /**
     * An exception out of a command is the user's problem to fix (a file, a cluster, a token), so it is
     * shown as one line and exit code 1; the stack trace only at DEBUG.
     */
    private static final class FailureHandler implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
            log.debug("Command failed", e);
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            commandLine.getErr().println(commandLine.getColorScheme().errorText(
                    commandLine.getCommandSpec().qualifiedName() + ": " + message));
            return ExitCodes.FAILED;
        }
    }
}
