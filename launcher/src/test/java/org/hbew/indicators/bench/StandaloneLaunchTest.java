package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StandaloneLaunchTest {

    @Test
    void shouldRunStandaloneWithoutSimulatorOnItsOwnPortsAndDirectory() {
        StandaloneLaunch launch = new StandaloneLaunch(Path.of("/opt/jdk"), " -Xmx1g  -XX:+UseSerialGC ",
                "hbew-launcher.jar:lib/a.jar", Path.of("/tmp/bench/standalone"), 40001, 40002, 40003);

        assertThat(launch.command()).containsExactly("/opt/jdk/bin/java", "-Xmx1g", "-XX:+UseSerialGC",
                "-cp", "hbew-launcher.jar:lib/a.jar", "org.hbew.indicators.launcher.Hbew", "standalone",
                "--no-simulate", "--data-dir", "/tmp/bench/standalone", "--kafka-port", "40001",
                "--ingest-port", "40002", "--processors-port", "40003");
    }

    @Test
    void shouldPassNoJvmOptionsWhenThereAreNone() {
        StandaloneLaunch launch = new StandaloneLaunch(Path.of("/opt/jdk"), "", "cp", Path.of("d"), 1, 2, 3);

        assertThat(launch.command()).element(1).isEqualTo("-cp");
    }

    @Test
    void shouldNeverChooseTheProductsDefaultPorts() {
        assertThat(FreePorts.distinct(20)).doesNotContain(8080, 8081, 9090, 9092, 9093).doesNotHaveDuplicates();
    }
}
