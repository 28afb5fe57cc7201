package org.hbew.indicators.launcher;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ./hbew}: the one entry point of the product. Each subcommand is a class of its own; adding one is
 * one line in {@code subcommands} below. {@link #commandLine()} wires what every command shares (defaults
 * from {@code HBEW_*} variables, the environment help section, exit codes), so tests run exactly what
 * {@code main} runs.
 */
@Command(name = "hbew",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Indicators of the Hohhot-Baotou-Ordos-Ulanqab cooperation agreement on Apache Kafka.",
        subcommands = {
                StandaloneCommand.class,
                IngestCommand.class,
                ProcessorsCommand.class,
                SimulateCommand.class,
                ImportCommand.class,
                TopicsCommand.class,
                TargetsCommand.class,
                AclsCommand.class,
                org.hbew.indicators.bench.BenchCommand.class,
                CommandLine.HelpCommand.class
        },
        footer = {"", "Every option can also be set by an environment variable HBEW_<OPTION>,",
                "e.g. HBEW_BOOTSTRAP_SERVERS for --bootstrap-servers. Run 'hbew help <command>' for a command's options."})
public final class Hbew implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Hbew.class);

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line as {@code main} runs it, reading defaults from the process environment. */
    public static CommandLine commandLine() {
        return commandLine(EnvironmentDefaults.fromSystem());
    }

    public static CommandLine commandLine(CommandLine.IDefaultValueProvider defaults) {
        CommandLine commandLine = new CommandLine(new Hbew());
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
