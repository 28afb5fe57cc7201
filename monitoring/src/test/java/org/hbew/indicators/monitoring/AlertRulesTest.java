package org.hbew.indicators.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alert and recording rules: valid for promtool, unit-tested firing and not firing, documented. */
class AlertRulesTest {

    private static final List<AlertRule> ALERTS = AlertRule.load(MonitoringFiles.ALERT_RULES);
    private static final Pattern RUNBOOK_HEADING = Pattern.compile("(?m)^## (\\S+)\\s*$");

    @Test
    void shouldPassPromtoolCheckRules() {
        ProcessRunner.Result result = Promtool.checkRules(MonitoringFiles.list(MonitoringFiles.RULES, ".yml"));

        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    @Test
    void shouldPassEveryPromtoolRuleTest() {
        List<Path> fixtures = MonitoringFiles.list(MonitoringFiles.RULE_TESTS, ".yml");

        ProcessRunner.Result result = Promtool.testRules(fixtures);

        assertThat(fixtures).isNotEmpty();
        assertThat(result.succeeded()).as(result.describe()).isTrue();
    }

    @Test
    void shouldHaveFixturesOfEveryAlertFiringAndNotFiring() {
        Set<String> firing = new HashSet<>();
        Set<String> silent = new HashSet<>();
        for (Path fixture : MonitoringFiles.list(MonitoringFiles.RULE_TESTS, ".yml")) {
            MonitoringFiles.elements(MonitoringFiles.readYaml(fixture).get("tests"))
                    .flatMap(test -> MonitoringFiles.elements(test.get("alert_rule_test")))
                    .forEach(check -> (check.path("exp_alerts").isEmpty() ? silent : firing)
                            .add(check.get("alertname").asText()));
        }

        Set<String> alerts = ALERTS.stream().map(AlertRule::name).collect(Collectors.toSet());
        assertThat(firing).as("alerts with a fixture where they fire").containsAll(alerts);
        assertThat(silent).as("alerts with a fixture where they stay silent").containsAll(alerts);
        assertThat(alerts).as("fixtures name only existing alerts").containsAll(firing).containsAll(silent);
    }

    @Test
    void shouldGiveEveryAlertSeveritySummaryDescriptionAndRunbook() {
        assertThat(ALERTS).hasSizeGreaterThanOrEqualTo(9).allSatisfy(alert -> {
            assertThat(alert.name()).startsWith("Hbew");
            assertThat(alert.labels()).as(alert.name()).containsKey("severity");
            assertThat(alert.labels().get("severity")).as(alert.name()).isIn("critical", "warning");
            assertThat(alert.annotations()).as(alert.name()).containsKeys("summary", "description", "runbook_url");
            assertThat(alert.annotations().get("runbook_url")).as(alert.name())
                    .isEqualTo("docs/runbooks.md#" + alert.name().toLowerCase(Locale.ROOT));
        });
    }

    @Test
    void shouldDocumentEveryAlertInTheRunbooks() {
        Set<String> anchors = new HashSet<>();
        Matcher headings = RUNBOOK_HEADING.matcher(MonitoringFiles.read(MonitoringFiles.RUNBOOKS));
        while (headings.find()) {
            anchors.add(headings.group(1).toLowerCase(Locale.ROOT)); // GitHub's anchor of a one-word heading
        }

        assertThat(ALERTS).allSatisfy(alert -> assertThat(anchors).as("runbook section of " + alert.name())
                .contains(alert.annotations().get("runbook_url").substring("docs/runbooks.md#".length())));
    }

    @Test
    void shouldJoinItemAlertsToTheOwningTeam() {
        assertThat(ALERTS).filteredOn(alert -> alert.expr().contains("hbew_indicator_status"))
                .isNotEmpty()
                .allSatisfy(alert -> assertThat(alert.expr()).as(alert.name())
                        .containsPattern("group_left \\(team[,)]")
                        .contains("item:hbew_item_info:max"));
    }

    @Test
    void shouldMakeATestVariantWithEveryForShortenedAndNothingElseChanged(@TempDir Path dir) {
        List<Path> variant = RulesTestVariant.write(MonitoringFiles.RULES, dir, "3s");

        ProcessRunner.Result check = Promtool.checkRules(variant);
        assertThat(check.succeeded()).as(check.describe()).isTrue();
        List<AlertRule> shortened = AlertRule.load(dir.resolve(MonitoringFiles.ALERT_RULES.getFileName()));
        assertThat(shortened).hasSameSizeAs(ALERTS);
        for (int i = 0; i < ALERTS.size(); i++) {
            AlertRule original = ALERTS.get(i);
            assertThat(shortened.get(i)).isEqualTo(new AlertRule(original.group(), original.name(), original.expr(),
                    original.forDuration().isEmpty() ? "" : "3s", original.labels(), original.annotations()));
        }
        JsonNode recording = MonitoringFiles.readYaml(dir.resolve("hbew-recording.yml"));
        assertThat(recording).isEqualTo(MonitoringFiles.readYaml(MonitoringFiles.RULES.resolve("hbew-recording.yml")));
    }
}
