package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StandaloneLaunchTest {

    @Test
    void shouldRunStandaloneWithoutSimulatorOnItsOwnPortsAndDirectory() {
        StandaloneLaunch launch = new StandaloneLaunch(Path.of("/opt/jdk"), " -Xmx1g  -XX:+UseSerialGC ",
                "hbew-tools.jar:lib/a.jar", Path.of("/tmp/bench/standalone"), 40001, 40002, 40003);

        assertThat(launch.command()).containsExactly("/opt/jdk/bin/java", "-Xmx1g", "-XX:+UseSerialGC",
                "-cp", "hbew-tools.jar:lib/a.jar", "org.hbew.indicators.tools.HbewTools", "standalone",
                "--no-simulate", "--data-dir", "/tmp/bench/standalone", "--kafka-port", "40001",
                "--ingest-port", "40002", "--processors-port", "40003");
    }

    @Test
    void shouldPassNoJvmOptionsWhenThereAreNone() {
        StandaloneLaunch launch = new StandaloneLaunch(Path.of("/opt/jdk"), "", "cp", Path.of("d"), 1, 2, 3);

        assertThat(launch.command()).element(1).isEqualTo("-cp");
    }

    @Test
    void shouldRunTheProcessorsAloneOnTheBenchmarksBrokerWithTheirOwnIdStateAndPort() {
        ProcessorsLaunch launch = new ProcessorsLaunch(Path.of("/opt/jdk"), "-Xmx768m", "cp",
                "127.0.0.1:40000", Optional.empty(), "hbew-bench-processors-memory", Path.of("/tmp/bench/memory"),
                40004, 2, 1);

        assertThat(launch.command()).containsExactly("/opt/jdk/bin/java", "-Xmx768m", "-cp", "cp",
                "org.hbew.indicators.tools.HbewTools", "processors", "--bootstrap-servers", "127.0.0.1:40000",
                "--application-id", "hbew-bench-processors-memory", "--state-dir", "/tmp/bench/memory",
                "--http-port", "40004", "--advertised-host", "127.0.0.1", "--threads", "2",
                "--replication-factor", "1");
    }

    @Test
    void shouldRunTheProcessorsOnAnExternalClusterWithItsSettingsFileAndReplication() {
        ProcessorsLaunch launch = new ProcessorsLaunch(Path.of("/opt/jdk"), "", "cp", "kafka-1:9092",
                Optional.of(Path.of("/tmp/bench/processors-memory.properties")), "hbew-bench-processors-memory",
                Path.of("/tmp/bench/memory"), 40004, 1, -1);

        assertThat(launch.command()).containsSequence("processors", "--bootstrap-servers", "kafka-1:9092",
                "--kafka-config", "/tmp/bench/processors-memory.properties").endsWith("--replication-factor", "-1");
    }

    @Test
    void shouldKeepTheOperatorsKafkaVariablesFromTheChildren() {
        assertThat(ChildJvm.isKafkaClientVariable("HBEW_KAFKA_SASL_JAAS_CONFIG")).isTrue();
        assertThat(ChildJvm.isKafkaClientVariable("HBEW_KAFKA_CONFIG")).isTrue();
        assertThat(ChildJvm.isKafkaClientVariable("HBEW_JAVA_OPTS")).isFalse();
    }

    @Test
    void shouldRecogniseTheReadyLinesOfBothChildren() {
        assertThat(ChildJvm.STANDALONE_READY.matcher("Ready in 9,5 s. Ctrl-C stops.").find()).isTrue();
        assertThat(ChildJvm.PROCESSORS_READY.matcher("Processors hbew-bench-processors-memory on 127.0.0.1:1; "
                + "query API on 127.0.0.1:40004. Ctrl-C stops.").find()).isTrue();
        assertThat(ChildJvm.PROCESSORS_READY.matcher("12:00:01.000 INFO  ProcessorsApp - Processors starting")
                .find()).isFalse();
    }
}
