package org.hbew.indicators.acls;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.hbew.indicators.kafka.TopicSpec;
import org.hbew.indicators.kafka.Topics;

/**
 * The least-privilege ACLs of the product's four roles on a cluster with an authorizer, as one pure function of
 * the users' names and the processors' application id:
 * <ul>
 *   <li><b>ingest</b> writes {@code hbew.events.raw}, and nothing else (its idempotent producer needs no more
 *       since Kafka 3.0);</li>
 *   <li><b>processors</b> read {@code hbew.events.raw} and {@code hbew.targets}, write the dead-letter, late and
 *       four downstream topics, and own everything named after their application id: the internal topics
 *       (changelogs, repartition topics: {@code <application.id>-*}), the consumer group {@code <application.id>}
 *       and the transactional ids of exactly-once ({@code <application.id>-*});</li>
 *   <li><b>downstream readers</b> read the four downstream topics with consumer groups named after their
 *       user ({@code <reader>*});</li>
 *   <li><b>operators</b> read and write {@code hbew.targets} ({@code ./hbew targets}).</li>
 * </ul>
 * Creating the topics and these ACLs is the cluster administrator's job, not a role's. One more role is given only
 * when asked for, since it may create and delete the product's topics: {@link #bench} for {@code ./hbew bench}
 * against a cluster before the product goes live there.
 */
public final class AclPlan {

    /**
     * The prefixes of what {@code ./hbew bench} names on a cluster besides the product's topics: its own topics, and
     * its application ids with everything Kafka names after them. Kept here, where the grant is made, so that the
     * services' artifact does not need the benchmark; the benchmark names what it makes with them.
     */
    public static final String BENCH_TOPIC_PREFIX = "hbew.bench.";
    public static final String BENCH_ID_PREFIX = "hbew-bench-";

    /** The downstream topics, which readers may read. */
    public static final List<String> DOWNSTREAM = List.of(Topics.INDICATORS_CITY.name(),
            Topics.INDICATORS_REGION.name(), Topics.INDICATORS_STATUS.name(), Topics.FLOWS.name());
    /** What the processors write besides their internal topics. */
    public static final List<String> PROCESSORS_OUTPUTS = Stream.concat(
            Stream.of(Topics.DLQ.name(), Topics.LATE.name()), DOWNSTREAM.stream()).toList();

    /** The users of the four roles, without the {@code User:} prefix. */
    public record Users(String ingest, String processors, String reader, String operator) {

        public static final Users DEFAULTS = new Users("hbew-ingest", "hbew-processors", "hbew-reader",
                "hbew-operator");

        public Users {
            Objects.requireNonNull(ingest, "ingest");
            Objects.requireNonNull(processors, "processors");
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(operator, "operator");
        }
    }

    /** One role's bindings, for printing them under a heading. */
    public record Role(String name, String user, List<AclBinding> bindings) {
    }

    private AclPlan() {
    }

    public static List<Role> roles(Users users, String applicationId) {
        return List.of(
                new Role("ingest", users.ingest(), ingest(users.ingest())),
                new Role("processors", users.processors(), processors(users.processors(), applicationId)),
                new Role("downstream readers", users.reader(), reader(users.reader())),
                new Role("operators", users.operator(), operator(users.operator())));
    }

    public static List<AclBinding> bindings(Users users, String applicationId) {
        return roles(users, applicationId).stream().flatMap(role -> role.bindings().stream()).toList();
    }

    static List<AclBinding> ingest(String user) {
        return List.of(allow(user, ResourceType.TOPIC, Topics.RAW.name(), PatternType.LITERAL, AclOperation.WRITE));
    }

    static List<AclBinding> processors(String user, String applicationId) {
        List<AclBinding> bindings = new ArrayList<>();
        for (String input : List.of(Topics.RAW.name(), Topics.TARGETS.name())) {
            bindings.add(allow(user, ResourceType.TOPIC, input, PatternType.LITERAL, AclOperation.READ));
        }
        for (String output : PROCESSORS_OUTPUTS) {
            bindings.add(allow(user, ResourceType.TOPIC, output, PatternType.LITERAL, AclOperation.WRITE));
        }
        bindings.add(allow(user, ResourceType.TOPIC, applicationId + "-", PatternType.PREFIXED, AclOperation.ALL));
        bindings.add(allow(user, ResourceType.GROUP, applicationId, PatternType.LITERAL, AclOperation.READ));
        bindings.add(allow(user, ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED,
                AclOperation.WRITE));
        bindings.add(allow(user, ResourceType.TRANSACTIONAL_ID, applicationId + "-", PatternType.PREFIXED,
                AclOperation.DESCRIBE));
        return bindings;
    }

    /**
     * {@code ./hbew bench} against an external cluster: it creates the product's topics and its own, writes and
     * reads them, runs Kafka Streams applications (groups, internal topics and transactional ids named after their
     * application ids), and deletes all of it at the end. So: everything on the product's topics, on topics named
     * {@value #BENCH_TOPIC_PREFIX}* and {@value #BENCH_ID_PREFIX}*, on groups
     * {@value #BENCH_ID_PREFIX}*, and writing with transactional ids {@value #BENCH_ID_PREFIX}*. A user
     * who may delete the product's topics has no place on a live cluster: remove these ACLs before go-live.
     */
    public static Role bench(String user) {
        List<AclBinding> bindings = new ArrayList<>();
        for (TopicSpec topic : Topics.all()) {
            bindings.add(allow(user, ResourceType.TOPIC, topic.name(), PatternType.LITERAL, AclOperation.ALL));
        }
        for (String prefix : List.of(BENCH_TOPIC_PREFIX, BENCH_ID_PREFIX)) {
            bindings.add(allow(user, ResourceType.TOPIC, prefix, PatternType.PREFIXED, AclOperation.ALL));
        }
        bindings.add(allow(user, ResourceType.GROUP, BENCH_ID_PREFIX, PatternType.PREFIXED, AclOperation.ALL));
        bindings.add(allow(user, ResourceType.TRANSACTIONAL_ID, BENCH_ID_PREFIX, PatternType.PREFIXED,
                AclOperation.WRITE));
        bindings.add(allow(user, ResourceType.TRANSACTIONAL_ID, BENCH_ID_PREFIX, PatternType.PREFIXED,
                AclOperation.DESCRIBE));
        return new Role("bench", user, bindings);
    }

    static List<AclBinding> reader(String user) {
        List<AclBinding> bindings = new ArrayList<>();
        for (String topic : DOWNSTREAM) {
            bindings.add(allow(user, ResourceType.TOPIC, topic, PatternType.LITERAL, AclOperation.READ));
        }
        bindings.add(allow(user, ResourceType.GROUP, user, PatternType.PREFIXED, AclOperation.READ));
        return bindings;
    }

    static List<AclBinding> operator(String user) {
        return List.of(
                allow(user, ResourceType.TOPIC, Topics.TARGETS.name(), PatternType.LITERAL, AclOperation.READ),
                allow(user, ResourceType.TOPIC, Topics.TARGETS.name(), PatternType.LITERAL, AclOperation.WRITE));
    }

    private static AclBinding allow(String user, ResourceType type, String name, PatternType pattern,
                                    AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, pattern),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }

    /**
     * The same binding as a {@code kafka-acls.sh} command, for operators who apply ACLs with Kafka's own tool.
     *
     * @param connection what precedes {@code --add}: {@code --bootstrap-server ... --command-config ...}
     */
    public static String kafkaAclsCommand(AclBinding binding, String connection) {
        ResourcePattern pattern = binding.pattern();
        String resource = switch (pattern.resourceType()) {
            case TOPIC -> "--topic";
            case GROUP -> "--group";
            case TRANSACTIONAL_ID -> "--transactional-id";
            case CLUSTER -> "--cluster";
            default -> throw new IllegalArgumentException("no kafka-acls.sh option for " + pattern.resourceType());
        };
        String patternType = pattern.patternType() == PatternType.PREFIXED ? " --resource-pattern-type prefixed" : "";
        return "kafka-acls.sh " + connection + " --add --allow-principal " + binding.entry().principal()
                + " --operation " + operationName(binding.entry().operation()) + " " + resource + " "
                + pattern.name() + patternType;
    }

    /** {@code WRITE} → {@code Write}, {@code DESCRIBE_CONFIGS} → {@code DescribeConfigs}, as kafka-acls.sh spells them. */
    static String operationName(AclOperation operation) {
        StringBuilder name = new StringBuilder();
        for (String word : operation.name().split("_")) {
            name.append(word.charAt(0)).append(word.substring(1).toLowerCase(java.util.Locale.ROOT));
        }
        return name.toString();
    }
}
