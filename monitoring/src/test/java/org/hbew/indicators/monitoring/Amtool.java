package org.hbew.indicators.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Debian's amtool (package prometheus-alertmanager): config checks and routing of label sets. */
final class Amtool {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private Amtool() {
    }

    static ProcessRunner.Result checkConfig(Path config) {
        return ProcessRunner.run(MonitoringFiles.MODULE, TIMEOUT,
                List.of(amtool(), "check-config", config.toString()));
    }

    /** The receivers an alert with these labels is routed to ({@code amtool config routes test}). */
    static List<String> receivers(Path config, Map<String, String> labels) {
        List<String> command = new ArrayList<>(List.of(amtool(), "config", "routes", "test",
                "--config.file=" + config));
        labels.forEach((name, value) -> command.add(name + "=" + value));
        ProcessRunner.Result result = ProcessRunner.run(MonitoringFiles.MODULE, TIMEOUT, command);
        assertThat(result.succeeded()).as(result.describe()).isTrue();
        // stdout is the receivers, comma-separated (amtool warns on stderr that --config.file wins over the URL).
        return Arrays.stream(result.stdout().strip().split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String amtool() {
        return ProcessRunner.require("amtool", "prometheus-alertmanager").toString();
    }
}
