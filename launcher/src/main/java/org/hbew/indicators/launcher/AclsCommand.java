package org.hbew.indicators.launcher;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.hbew.indicators.acls.AclPlan;
import org.hbew.indicators.kafka.KafkaRefusal;
import org.hbew.indicators.processors.ProcessorsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ./hbew acls}: the least-privilege ACLs of ingest, the processors, downstream readers and operators
 * ({@link AclPlan}). Without {@code --apply} it only prints them as {@code kafka-acls.sh} commands, for an
 * operator who reviews them or applies them with Kafka's tool; with {@code --apply} it creates them (again is
 * harmless) with the administrator's client settings, and with {@code --scram-users FILE} first creates or
 * updates the users' SCRAM-SHA-512 credentials from {@code <user>=<password>} lines. Passwords are never printed.
 */
@Command(name = "acls",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {"Print, or apply with --apply, the users' least-privilege ACLs on a cluster with an authorizer:",
                "ingest writes hbew.events.raw; the processors read raw and targets, write their outputs and own",
                "their application id's internal topics, group and transactional ids; readers read the downstream",
                "topics; operators write hbew.targets. Run it with the cluster administrator's --kafka-config.",
                "With --bench-user, also the user of ./hbew bench, who may create and delete the product's topics."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:printed, or applied", "1:the cluster could not be reached or refused", "2:wrong usage"})
final class AclsCommand implements Callable<Integer> {

    /** Kafka's default is 4096, its minimum; twice that costs a client a few milliseconds once per connection. */
    static final int SCRAM_ITERATIONS = 8192;

    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--apply", description = "Create the ACLs (and the --scram-users) instead of printing them.")
    boolean apply;

    @Option(names = "--scram-users", paramLabel = "FILE",
            description = {"With --apply: <user>=<password> lines; each user's SCRAM-SHA-512 credential is created",
                    "or replaced. Keep the file as secret as the passwords."})
    Path scramUsers;

    @Option(names = "--application-id", defaultValue = ProcessorsConfig.DEFAULT_APPLICATION_ID, paramLabel = "ID",
            description = "The processors' application id (default: ${DEFAULT-VALUE}).")
    String applicationId;

    @Option(names = "--ingest-user", defaultValue = "hbew-ingest", paramLabel = "USER",
            description = "Kafka user of ingest (default: ${DEFAULT-VALUE}).")
    String ingestUser;

    @Option(names = "--processors-user", defaultValue = "hbew-processors", paramLabel = "USER",
            description = "Kafka user of the processors (default: ${DEFAULT-VALUE}).")
    String processorsUser;

    @Option(names = "--reader-user", defaultValue = "hbew-reader", paramLabel = "USER",
            description = "Kafka user of downstream readers; their groups start with it (default: ${DEFAULT-VALUE}).")
    String readerUser;

    @Option(names = "--operator-user", defaultValue = "hbew-operator", paramLabel = "USER",
            description = "Kafka user of operators, who set targets (default: ${DEFAULT-VALUE}).")
    String operatorUser;

    @Option(names = "--bench-user", paramLabel = "USER",
            description = {"Also the ACLs of this user for ./hbew bench against the cluster before the product goes",
                    "live: it may create and delete the product's topics, so remove them before go-live."})
    String benchUser;

    @Override
    public Integer call() {
        if (scramUsers != null && !apply) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--scram-users needs --apply");
        }
        List<AclPlan.Role> roles = new ArrayList<>(AclPlan.roles(new AclPlan.Users(ingestUser, processorsUser,
                readerUser, operatorUser), applicationId));
        if (benchUser != null) {
            roles.add(AclPlan.bench(benchUser));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!apply) {
            print(out, roles);
            return ExitCodes.OK;
        }
        Map<String, String> users = scramUsers == null ? Map.of() : readUsers(scramUsers);
        List<AclBinding> bindings = roles.stream().flatMap(r -> r.bindings().stream()).toList();
        try (Admin admin = Admin.create(kafka.clientConfig("hbew-acls"))) {
            if (!users.isEmpty()) {
                List<UserScramCredentialUpsertion> upsertions = new ArrayList<>();
                users.forEach((user, password) -> upsertions.add(new UserScramCredentialUpsertion(user,
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password)));
                await(admin.alterUserScramCredentials(new ArrayList<>(upsertions)).all(), "create the SCRAM users");
                out.printf("SCRAM-SHA-512 credentials set for %s%n", users.keySet());
            }
            await(admin.createAcls(bindings).all(), "create the ACLs");
        }
        for (AclPlan.Role role : roles) {
            out.printf("%-18s User:%-16s %d ACL(s)%n", role.name(), role.user(), role.bindings().size());
        }
        out.printf("%d ACLs in place on %s%n", bindings.size(), kafka.bootstrapServers);
        out.flush();
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, List<AclPlan.Role> roles) {
        String connection = "--bootstrap-server " + kafka.bootstrapServers + " --command-config admin.properties";
        out.println("# Least-privilege ACLs of hbew-indicators (application id " + applicationId + ").");
        out.println("# Apply them with these commands, or with: ./hbew acls --apply --kafka-config admin.properties");
        for (AclPlan.Role role : roles) {
            out.println();
            out.println("# " + role.name() + ": User:" + role.user());
            role.bindings().forEach(binding -> out.println(AclPlan.kafkaAclsCommand(binding, connection)));
        }
        out.flush();
    }

    private <T> void await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
        try {
            future.get(kafka.timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not " + what + " on " + kafka.bootstrapServers + ": "
                    + KafkaRefusal.describe(e).orElse(e.getCause().toString()), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("could not " + what + " on " + kafka.bootstrapServers + " within "
                    + kafka.timeout, e);
        }
    }

    private static Map<String, String> readUsers(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SCRAM users file " + file, e);
        }
        Map<String, String> users = new TreeMap<>();
        properties.stringPropertyNames().forEach(user -> users.put(user.strip(), properties.getProperty(user)));
        if (users.values().stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("every user in " + file + " needs a password");
        }
        return users;
    }
}
