package org.hbew.indicators.launcher;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.kafka.TopicProvisioner;
import org.hbew.indicators.kafka.TopicSpec;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.targets.TargetSeeder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hbew topics}: creates the product's topics where missing, checks all of them against their
 * definitions in {@link Topics}, and publishes the catalog's default targets that hbew.targets does not
 * have yet (so a new cluster starts as standalone does); with {@code --verify-only} it changes nothing.
 * Differences (partitions, cleanup policy, retention) are reported, never "fixed", since changing a live
 * topic is an operator's call.
 */
@Command(name = "topics",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Create or verify the topics on a cluster, and publish the catalog's default targets.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every topic exists as defined",
                "1:the cluster could not be reached or refused",
                "2:wrong usage",
                "4:some topics are missing or differ from their definition"})
final class TopicsCommand implements Callable<Integer> {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--partitions", defaultValue = "12", paramLabel = "N",
            description = "Partitions of the topics that scale out; control topics keep one (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--replication-factor", defaultValue = "1", paramLabel = "N",
            description = "Replicas of each partition: 1 for one broker, 3 for production (default: ${DEFAULT-VALUE}).")
    short replicationFactor;

    @Option(names = "--verify-only", description = "Only check; create nothing.")
    boolean verifyOnly;

    @Override
    public Integer call() {
        if (partitions < 1 || replicationFactor < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--partitions and --replication-factor must be at least 1");
        }
        List<TopicSpec> specs = Topics.all();
        TopicProvisioner.Report report;
        try (Admin admin = Admin.create(kafka.clientConfig("hbew-topics"))) {
            TopicProvisioner provisioner = new TopicProvisioner(admin, partitions, replicationFactor, kafka.timeout);
            report = verifyOnly ? provisioner.verify(specs) : provisioner.ensure(specs);
        }
        print(specs, report);
        if (!verifyOnly && report.existing().contains(Topics.TARGETS.name())) {
            int seeded = new TargetSeeder(CatalogLoader.loadDefault(), kafka.clientConfig("hbew-topics"),
                    kafka.timeout, Clock.systemUTC()).seed().size();
            spec.commandLine().getOut().printf("%d default target(s) of the catalog published to %s%n", seeded,
                    Topics.TARGETS.name());
            spec.commandLine().getOut().flush();
        }
        return report.matches() ? ExitCodes.OK : ExitCodes.DIFFERENCES;
    }

    private void print(List<TopicSpec> specs, TopicProvisioner.Report report) {
        PrintWriter out = spec.commandLine().getOut();
        int width = specs.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        for (TopicSpec topic : specs) {
            out.printf("%-" + width + "s  %3d  %s%n", topic.name(), topic.partitions(partitions), state(topic, report));
        }
        if (report.matches()) {
            out.printf("%d topics as defined on %s%n", specs.size(), kafka.bootstrapServers);
        } else {
            out.printf("%d difference(s) on %s:%n", report.differences().size(), kafka.bootstrapServers);
            report.differences().forEach(d -> out.println("  " + d));
        }
        out.flush();
    }

    private static String state(TopicSpec topic, TopicProvisioner.Report report) {
        boolean differs = report.differences().stream().anyMatch(d -> d.startsWith(topic.name() + ":"));
        if (report.created().contains(topic.name())) {
            return differs ? "created, differs" : "created";
        }
        if (!report.existing().contains(topic.name())) {
            return "missing";
        }
        return differs ? "differs" : "ok";
    }
}
