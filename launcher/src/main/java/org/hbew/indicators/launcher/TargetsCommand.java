package org.hbew.indicators.launcher;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.catalog.Direction;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.records.TargetRecord;
import org.hbew.indicators.targets.TargetRequests;
import org.hbew.indicators.targets.TargetTable;
import org.hbew.indicators.targets.TargetsReader;
import org.hbew.indicators.targets.TargetsWriter;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hbew targets list|set|reset}: the targets in force on the compacted {@code hbew.targets}. The
 * processors read the topic as it changes, so a target set here applies within seconds. A city's own
 * target wins over the one for all cities, which wins over the catalog's illustrative default.
 */
@Command(name = "targets",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "List or set indicator targets at run time.",
        subcommands = {TargetsCommand.ListTargets.class, TargetsCommand.SetTarget.class,
                TargetsCommand.ResetTarget.class})
final class TargetsCommand implements Runnable {

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say list, set or reset");
    }

    /** The options that name one target: item, indicator and, for a city's own target, the city. */
    static final class TargetKey {
        @Option(names = "--item", required = true, paramLabel = "N",
                description = "Agreement item, 1 to " + CatalogLoader.ITEM_COUNT + ".")
        int item;

        @Option(names = "--indicator", required = true, paramLabel = "CODE",
                description = "Indicator code of the item, e.g. direct_settlement_rate.")
        String indicator;

        @Option(names = "--city", paramLabel = "CITY", description = "Only for this city (default: all cities).")
        String city;

        String key() {
            return Keys.target(item, indicator, city);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Print the targets on hbew.targets.")
    static final class ListTargets implements Callable<Integer> {
        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Mixin
        KafkaOptions kafka;

        @Override
        public Integer call() {
            Map<String, TargetRecord> targets = TargetsReader.readAll(kafka.clientConfig("hbew-targets-list"),
                    kafka.timeout);
            PrintWriter out = spec.commandLine().getOut();
            if (targets.isEmpty()) {
                out.println("No targets on " + Topics.TARGETS.name()
                        + "; the catalog's defaults apply (standalone publishes them on first start).");
            } else {
                out.print(TargetTable.render(targets.values()));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Set an operator target for all cities or (--city) for one, e.g.",
                    "  hbew targets set --item 18 --indicator direct_settlement_rate --at-least 0.95"})
    static final class SetTarget implements Callable<Integer> {
        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Mixin
        KafkaOptions kafka;

        @Mixin
        TargetKey target;

        @ArgGroup(multiplicity = "1")
        Bound bound;

        @Option(names = "--window", paramLabel = "WINDOW",
                description = "Window the target applies to, e.g. 1h or 1d (default: the catalog target's, else 1d).")
        String window;

        /** Exactly one of --at-least and --at-most. */
        static final class Bound {
            @Option(names = "--at-least", required = true, paramLabel = "VALUE", description = "Good when at least VALUE.")
            Double atLeast;

            @Option(names = "--at-most", required = true, paramLabel = "VALUE", description = "Good when at most VALUE.")
            Double atMost;
        }

        @Override
        public Integer call() {
            Catalog catalog = CatalogLoader.loadDefault();
            Direction direction = bound.atLeast != null ? Direction.AT_LEAST : Direction.AT_MOST;
            double value = bound.atLeast != null ? bound.atLeast : bound.atMost;
            TargetRecord record;
            try {
                record = TargetRequests.operator(catalog, target.item, target.indicator, target.city, direction, value,
                        window, Clock.systemUTC().instant());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            try (TargetsWriter writer = new TargetsWriter(kafka.clientConfig("hbew-targets-set"), kafka.timeout)) {
                writer.put(record);
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("Set %s: %s %s per %s (source operator)%n", target.key(), record.direction(),
                    TargetTable.number(record.value()), record.window());
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Remove an operator target (a tombstone on hbew.targets).",
                    "Without --city the catalog's default applies again; with --city, the target for all cities."})
    static final class ResetTarget implements Callable<Integer> {
        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Mixin
        KafkaOptions kafka;

        @Mixin
        TargetKey target;

        @Override
        public Integer call() {
            Catalog catalog = CatalogLoader.loadDefault();
            try {
                TargetRequests.checkKey(catalog, target.item, target.indicator, target.city);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            Map<String, Object> config = kafka.clientConfig("hbew-targets-reset");
            Map<String, TargetRecord> targets = TargetsReader.readAll(config, kafka.timeout);
            PrintWriter out = spec.commandLine().getOut();
            TargetRecord current = targets.get(target.key());
            if (current == null) {
                out.printf("No target is set for %s; nothing to reset.%n", target.key());
            } else {
                try (TargetsWriter writer = new TargetsWriter(config, kafka.timeout)) {
                    writer.delete(target.item, target.indicator, target.city);
                }
                out.printf("Reset %s (was %s %s per %s, source %s); now applies: %s%n", target.key(),
                        current.direction(), TargetTable.number(current.value()), current.window(), current.source(),
                        fallback(catalog, targets));
            }
            out.flush();
            return ExitCodes.OK;
        }

        private String fallback(Catalog catalog, Map<String, TargetRecord> targets) {
            if (target.city != null) {
                TargetRecord forAll = targets.get(Keys.target(target.item, target.indicator, null));
                if (forAll != null) {
                    return "the target for all cities, " + forAll.direction() + " " + TargetTable.number(forAll.value());
                }
            }
            return catalog.indicator(target.item, target.indicator).flatMap(i -> i.target())
                    .map(t -> "the catalog default, " + t.direction().code() + " " + TargetTable.number(t.value()))
                    .orElse("no target");
        }
    }
}
