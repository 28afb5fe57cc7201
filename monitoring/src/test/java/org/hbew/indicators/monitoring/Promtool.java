package org.hbew.indicators.monitoring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Debian's promtool (package prometheus): checks and unit tests of rules and configs. */
final class Promtool {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private Promtool() {
    }

    static ProcessRunner.Result checkRules(List<Path> ruleFiles) {
        return promtool("check", "rules", ruleFiles);
    }

    static ProcessRunner.Result testRules(List<Path> testFiles) {
        return promtool("test", "rules", testFiles);
    }

    static ProcessRunner.Result checkConfig(Path config) {
        return promtool("check", "config", List.of(config));
    }

    private static ProcessRunner.Result promtool(String verb, String noun, List<Path> files) {
        List<String> command = new ArrayList<>(List.of(
                ProcessRunner.require("promtool", "prometheus").toString(), verb, noun));
        files.forEach(f -> command.add(f.toString()));
        return ProcessRunner.run(MonitoringFiles.MODULE, TIMEOUT, command);
    }
}
