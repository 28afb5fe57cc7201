package org.hbew.indicators.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hbew.indicators.kafka.KafkaClientProperties;
import org.junit.jupiter.api.Test;

class ReportFormatterTest {

    @Test
    void shouldPrintEachGatewayRowAfterItsBaselineWithTheirRatio() {
        String table = ReportFormatter.table(ReportFixtures.full());

        assertThat(table.lines())
                .anySatisfy(line -> assertThat(line).startsWith("phase").contains("events/s", "ratio"));
        assertThat(table.lines().filter(l -> l.startsWith("raw producer"))).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains("200,000", "2.5", "80,000", "1.00 (baseline)"));
        assertThat(table.lines().filter(l -> l.startsWith("gateway over HTTP"))).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("100", "16,000", "12.5", "48.3", "0.20 of raw producer"))
                .anySatisfy(l -> assertThat(l).contains("500", "24,000", "0.30 of raw producer"));
        assertThat(table.lines().filter(l -> l.startsWith("raw producer") || l.startsWith("gateway"))
                .map(l -> l.substring(0, 3)).toList()).containsExactly("raw", "gat", "raw", "gat");
    }

    @Test
    void shouldJudgeTheProcessorsAndTheirPeerAgainstB0() {
        String table = ReportFormatter.table(ReportFixtures.full());

        assertThat(table.lines().filter(l -> l.startsWith("B0 producer"))).singleElement().asString()
                .contains("1,000,000", "2.5", "400,000", "18.0", "95.0", "1.00 (B0)", "1.10 -> 1.40");
        assertThat(table.lines().filter(l -> l.startsWith("B0 consumer"))).singleElement().asString()
                .contains("1,200,000", "1.5", "800,000", "2.00 of B0");
        assertThat(table.lines().filter(l -> l.startsWith("processors exactly_once_v2"))).singleElement().asString()
                .contains("1 thread", "680,000", "3.4", "200,000", "0.50 of B0");
        assertThat(table.lines().filter(l -> l.startsWith("processors at_least_once"))).singleElement().asString()
                .contains("250,000", "0.63 of B0");
        assertThat(table.lines().filter(l -> l.startsWith("plain Kafka Streams job"))).singleElement().asString()
                .contains("1 thread", "250,000", "0.63 of B0");
        assertThat(table).contains("ratios: processors / B0 0.50; processors / plain job 0.80; plain job / B0 0.63; "
                + "exactly_once_v2 / at_least_once 0.80; processors / best gateway 8.33; "
                + "stream-thread CPU per event, processors / plain job 1.25");
        assertThat(table).contains("stream-thread CPU per event: processors exactly_once_v2 5.0 µs, "
                + "processors at_least_once 4.0 µs, plain job 4.0 µs");
        // the rows are aligned: every row of the table is as wide as its header, give or take trailing blanks
        List<String> rows = table.lines().takeWhile(l -> !l.startsWith("ratios")).skip(2).toList();
        assertThat(rows).hasSize(10).extracting(String::length).containsOnly(rows.get(0).length());
    }

    @Test
    void shouldPrintLatencyMemoryStandaloneAndTheGoals() {
        String table = ReportFormatter.table(ReportFixtures.full());

        assertThat(table).contains("end-to-end latency: p50 150.0 ms, p99 300.0 ms, max 600.0 ms over 150,000 events "
                + "at 10,000 events/s (half the processors' rate) for 20.0 s, the first 5.0 s untimed; 0 never seen");
        assertThat(table).contains("processors' memory (child JVM, options -Xmx768m): RSS 960 MiB, peak 1.00 GiB "
                + "after 1,000,000 distinct events (1,010,000 records worked off in 95.5 s from launch)");
        assertThat(table).contains("standalone first start: ready in 12.0 s (reported 10.0 s), RSS 1023 MiB, "
                + "peak 1.00 GiB, stopped 3.0 s after SIGTERM (exit 143)");
        assertThat(table).contains("load: 150,000 events in 10.0 s (15,000 events/s) from 4 clients in batches of "
                + "500, 0 failed; processors caught up 4.5 s after the load");
        assertThat(table).contains("standalone restart:     ready in 9.0 s");
        assertThat(table).containsPattern("goal gateway >= 20,000 events/s +met +24,000 events/s");
        assertThat(table).containsPattern("goal processors \\(exactly_once_v2\\) >= 0.5 x B0 +met +0.50 \\(200,000");
    }

    @Test
    void shouldWriteTheSameFiguresAsMarkdownTables() {
        String markdown = ReportFormatter.markdown(ReportFixtures.full());

        assertThat(markdown).contains("## hbew bench, 2024-09-01T08:00:00Z",
                "| phase | clients | batch | events | seconds | events/s | p50 ms | p99 ms | ratio | load |",
                "| raw producer | - | - | 200,000 | 2.5 | 80,000 | - | - | 1.00 (baseline) | 0.40 -> 0.60 |",
                "| processors exactly_once_v2 | 1 thread | - | 680,000 | 3.4 | 200,000 | - | - | 0.50 of B0 |",
                "| ratio | this run |", "| processors / plain job | 0.80 |",
                "| exactly_once_v2 / at_least_once | 0.80 |",
                "end-to-end latency: p50 150.0 ms, p99 300.0 ms",
                "| first, after the load | 12.0 | 10.0 | 1023 MiB | 1.00 GiB | 3.0 | 143 |",
                "Standalone child JVM, options `-Xmx1g`",
                "| gateway >= 20,000 events/s | 24,000 events/s (4 clients, batches of 500) | yes |",
                "| exactly_once_v2 >= 0.8 x at_least_once | 0.80 (200,000 against 250,000 events/s of at_least_once) "
                        + "| yes |");
    }

    @Test
    void shouldLeaveOutWhatWasSkipped() {
        BenchReport partial = ReportFixtures.report(null, null, null, null, null, null, null);

        String table = ReportFormatter.table(partial);

        assertThat(table).doesNotContain("processors", "standalone", "B0", "plain", "ratios", "latency");
        assertThat(ReportFormatter.markdown(partial)).doesNotContain("Standalone child JVM", "| ratio | this run |");
    }

    @Test
    void shouldJudgeTheProcessorsAgainstTheGatewayWithoutB0() {
        BenchReport report = ReportFixtures.report(null, null, ReportFixtures.processors("exactly_once_v2", 6_000),
                null, null, null, null);

        assertThat(ReportFormatter.table(report).lines().filter(l -> l.startsWith("processors"))).singleElement()
                .asString().contains("6,000", "0.25 of best gateway");
    }

    @Test
    void shouldNameTheEmbeddedBrokerUnderTheMachine() {
        String table = ReportFormatter.table(ReportFixtures.full());

        assertThat(table.lines().skip(1).findFirst()).hasValue(
                "Kafka: the benchmark's own embedded broker (one KRaft node, PLAINTEXT) at 127.0.0.1:40000");
    }

    @Test
    void shouldNameTheExternalClusterAndItsSettingsButNeverASecret() {
        KafkaClientProperties settings = KafkaClientProperties.of(Map.of(
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                        + "username=\"hbew-bench\" password=\"jaas-secret\";",
                "ssl.truststore.location", "/etc/hbew/truststore.p12",
                "ssl.truststore.password", "store-secret"));
        BenchReport.Cluster cluster = BenchReport.Cluster.external(new ExternalCluster("kafka-1:9092,kafka-2:9092",
                settings, ExternalCluster.BROKER_DEFAULT_REPLICATION, Duration.ofSeconds(30)));
        BenchReport report = ReportFixtures.report(cluster, ReportFixtures.b0(400_000), null,
                ReportFixtures.processors("exactly_once_v2", 200_000), null, null, null, null);

        String table = ReportFormatter.table(report);
        String markdown = ReportFormatter.markdown(report);

        assertThat(table).contains("Kafka: external cluster kafka-1:9092,kafka-2:9092; client settings: "
                + "sasl.jaas.config=[hidden], sasl.mechanism=SCRAM-SHA-512, security.protocol=SASL_SSL, "
                + "ssl.truststore.location=/etc/hbew/truststore.p12, ssl.truststore.password=[hidden]; "
                + "replication factor: the brokers' default; standalone not run (it starts a broker of its own)");
        assertThat(markdown).contains("Kafka: external cluster kafka-1:9092,kafka-2:9092;");
        assertThat(table + markdown).doesNotContain("secret");
        assertThat(cluster.replicationFactor()).isNull();
    }

    @Test
    void shouldSayWhatCouldNotBeRemovedFromTheCluster() {
        BenchReport.Cluster cluster = BenchReport.Cluster.external(new ExternalCluster("kafka-1:9092",
                KafkaClientProperties.none(), (short) 3, Duration.ofSeconds(30)))
                .withLeftBehind(List.of("consumer group hbew-bench-plain (still has members after 60 s)"));

        String table = ReportFormatter.table(ReportFixtures.report(cluster, null, null, null, null, null, null,
                null));

        assertThat(table).contains("Kafka: external cluster kafka-1:9092; client settings: none; replication "
                + "factor: 3; standalone not run (it starts a broker of its own); NOT REMOVED, delete by hand: "
                + "consumer group hbew-bench-plain (still has members after 60 s)");
    }

    @Test
    void shouldShowMemoryInMebiOrGibibytes() {
        assertThat(ReportFormatter.bytes(600L * 1024 * 1024)).isEqualTo("600 MiB");
        assertThat(ReportFormatter.bytes(1536L * 1024 * 1024)).isEqualTo("1.50 GiB");
    }
}
