package org.hbew.indicators.processors.query;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.processors.StreamsSettings;
import org.hbew.indicators.processors.metrics.PipelineMetrics;
import org.hbew.indicators.processors.topology.IndicatorTopology;
import org.hbew.indicators.processors.topology.TopologySettings;

/**
 * A real query server on a free port over the real topology's Kafka Streams, never started and pointed at no
 * broker: every store read is refused (503, as while an instance starts), everything before a read (routing,
 * parameters, errors, probes) is the product's. Its HTTP threads are named {@value #HTTP_THREADS}-*.
 */
final class UnstartedQueryServer implements AutoCloseable {

    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final int PARTITIONS = 4;
    static final String HTTP_THREADS = "hbew-query-http";

    private final Path stateDir;
    private final KafkaStreams streams;
    private final PrometheusMeterRegistry registry;
    private final QueryServer server;

    UnstartedQueryServer() {
        try {
            stateDir = Files.createTempDirectory("hbew-unstarted-query-server");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TopologySettings settings = TopologySettings.defaults(PARTITIONS);
        ProcessorsConfig config = ProcessorsConfig.builder("127.0.0.1:1", stateDir).topology(settings).httpPort(0)
                .build();
        Properties props = StreamsSettings.properties(config, new PipelineMetrics(new SimpleMeterRegistry(), CATALOG));
        Topology topology = new IndicatorTopology(CATALOG, settings,
                new PipelineMetrics(new SimpleMeterRegistry(), CATALOG)).topology(props);
        streams = new KafkaStreams(topology, props);
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        server = new QueryServer(new QueryServer.Settings("127.0.0.1", 0, new HostInfo("localhost", 0),
                Duration.ofMinutes(15)), streams, CATALOG, settings, registry);
        server.start();
    }

    int port() {
        return server.port();
    }

    PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        server.close();
        streams.close(Duration.ofSeconds(5));
        registry.close();
        try (Stream<Path> files = Files.walk(stateDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
