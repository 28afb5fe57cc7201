package org.hbew.indicators.acls;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;
import org.hbew.indicators.kafka.TopicSpec;
import org.hbew.indicators.kafka.Topics;
import org.junit.jupiter.api.Test;

class AclPlanTest {

    private final List<AclPlan.Role> roles = AclPlan.roles(AclPlan.Users.DEFAULTS, "hbew-processors");

    @Test
    void shouldLetIngestWriteTheRawTopicAndNothingElse() {
        assertThat(lines(role("ingest"))).containsExactly("User:hbew-ingest WRITE TOPIC LITERAL hbew.events.raw");
    }

    @Test
    void shouldGiveTheProcessorsWhatTheirApplicationIdNeeds() {
        assertThat(lines(role("processors"))).containsExactlyInAnyOrder(
                "User:hbew-processors READ TOPIC LITERAL hbew.events.raw",
                "User:hbew-processors READ TOPIC LITERAL hbew.targets",
                "User:hbew-processors WRITE TOPIC LITERAL hbew.events.dlq",
                "User:hbew-processors WRITE TOPIC LITERAL hbew.events.late",
                "User:hbew-processors WRITE TOPIC LITERAL hbew.indicators.city",
                "User:hbew-processors WRITE TOPIC LITERAL hbew.indicators.region",
                "User:hbew-processors WRITE TOPIC LITERAL hbew.indicators.status",
                "User:hbew-processors WRITE TOPIC LITERAL hbew.flows",
                "User:hbew-processors ALL TOPIC PREFIXED hbew-processors-",
                "User:hbew-processors READ GROUP LITERAL hbew-processors",
                "User:hbew-processors WRITE TRANSACTIONAL_ID PREFIXED hbew-processors-",
                "User:hbew-processors DESCRIBE TRANSACTIONAL_ID PREFIXED hbew-processors-");
    }

    @Test
    void shouldLetReadersReadTheDownstreamTopicsOnly() {
        assertThat(lines(role("downstream readers"))).containsExactlyInAnyOrder(
                "User:hbew-reader READ TOPIC LITERAL hbew.indicators.city",
                "User:hbew-reader READ TOPIC LITERAL hbew.indicators.region",
                "User:hbew-reader READ TOPIC LITERAL hbew.indicators.status",
                "User:hbew-reader READ TOPIC LITERAL hbew.flows",
                "User:hbew-reader READ GROUP PREFIXED hbew-reader");
    }

    @Test
    void shouldLetOperatorsReadAndWriteTheTargets() {
        assertThat(lines(role("operators"))).containsExactlyInAnyOrder(
                "User:hbew-operator READ TOPIC LITERAL hbew.targets",
                "User:hbew-operator WRITE TOPIC LITERAL hbew.targets");
    }

    @Test
    void shouldCoverEveryTopicOfTheProductWithSomeRole() {
        List<String> named = AclPlan.bindings(AclPlan.Users.DEFAULTS, "hbew-processors").stream()
                .filter(b -> b.pattern().resourceType() == ResourceType.TOPIC)
                .map(b -> b.pattern().name()).distinct().toList();

        assertThat(named).containsAll(Topics.all().stream().map(TopicSpec::name).toList());
    }

    @Test
    void shouldGiveTheBenchUserTheProductsTopicsAndEverythingNamedAfterTheBenchmarkButOnlyWhenAsked() {
        AclPlan.Role bench = AclPlan.bench("hbew-bench");

        assertThat(roles).extracting(AclPlan.Role::name).doesNotContain("bench");
        assertThat(bench.name()).isEqualTo("bench");
        assertThat(lines(bench)).containsExactlyInAnyOrder(
                "User:hbew-bench ALL TOPIC LITERAL hbew.events.raw",
                "User:hbew-bench ALL TOPIC LITERAL hbew.events.dlq",
                "User:hbew-bench ALL TOPIC LITERAL hbew.events.late",
                "User:hbew-bench ALL TOPIC LITERAL hbew.targets",
                "User:hbew-bench ALL TOPIC LITERAL hbew.indicators.city",
                "User:hbew-bench ALL TOPIC LITERAL hbew.indicators.region",
                "User:hbew-bench ALL TOPIC LITERAL hbew.indicators.status",
                "User:hbew-bench ALL TOPIC LITERAL hbew.flows",
                "User:hbew-bench ALL TOPIC PREFIXED hbew.bench.",
                "User:hbew-bench ALL TOPIC PREFIXED hbew-bench-",
                "User:hbew-bench ALL GROUP PREFIXED hbew-bench-",
                "User:hbew-bench WRITE TRANSACTIONAL_ID PREFIXED hbew-bench-",
                "User:hbew-bench DESCRIBE TRANSACTIONAL_ID PREFIXED hbew-bench-");
    }

    @Test
    void shouldSpellTheBindingsAsKafkaAclsCommands() {
        String connection = "--bootstrap-server kafka:9092 --command-config admin.properties";
        AclBinding prefixed = role("processors").bindings().stream()
                .filter(b -> b.pattern().patternType() == PatternType.PREFIXED
                        && b.pattern().resourceType() == ResourceType.TRANSACTIONAL_ID
                        && b.entry().operation() == AclOperation.WRITE).findFirst().orElseThrow();

        assertThat(AclPlan.kafkaAclsCommand(role("ingest").bindings().get(0), connection)).isEqualTo(
                "kafka-acls.sh --bootstrap-server kafka:9092 --command-config admin.properties --add "
                        + "--allow-principal User:hbew-ingest --operation Write --topic hbew.events.raw");
        assertThat(AclPlan.kafkaAclsCommand(prefixed, connection)).endsWith(
                "--operation Write --transactional-id hbew-processors- --resource-pattern-type prefixed");
        assertThat(AclPlan.operationName(AclOperation.DESCRIBE_CONFIGS)).isEqualTo("DescribeConfigs");
    }

    private AclPlan.Role role(String name) {
        return roles.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> lines(AclPlan.Role role) {
        return role.bindings().stream().map(b -> Stream.of(b.entry().principal(), b.entry().operation().name(),
                b.pattern().resourceType().name(), b.pattern().patternType().name(), b.pattern().name())
                .reduce((a, c) -> a + " " + c).orElseThrow()).toList();
    }
}
