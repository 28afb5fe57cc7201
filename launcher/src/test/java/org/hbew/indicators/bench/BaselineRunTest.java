package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaselineRunTest {

    @Test
    void shouldRunProducerPerformanceWithTheGatewaysSettingsOnRealPayloadsAndKeys() {
        List<String> arguments = BaselineRun.arguments("127.0.0.1:40000", Path.of("/tmp/b0.ndjson"), 1_000_000,
                200_000, 88);

        assertThat(arguments).containsSequence("--num-records", "1200000", "--warmup-records", "200000",
                "--payload-file", "/tmp/b0.ndjson", "--throughput", "-1", "--key-distribution", "random",
                "--record-key-range", "88", "--bootstrap-server", "127.0.0.1:40000", "--command-property");
        List<String> properties = arguments.subList(arguments.indexOf("--command-property") + 1, arguments.size());
        assertThat(properties).contains("acks=all", "enable.idempotence=true", "compression.type=lz4",
                "linger.ms=5", "batch.size=65536", "max.in.flight.requests.per.connection=5")
                .hasSize(GatewayProducerSettings.producer("x").size() - 1)
                .noneMatch(p -> p.startsWith("bootstrap.servers="));
    }
}
