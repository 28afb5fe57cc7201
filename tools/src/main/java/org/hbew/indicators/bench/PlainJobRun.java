package org.hbew.indicators.bench;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.hbew.indicators.kafka.TopicSpec;
import org.hbew.indicators.kafka.Topics;
import org.hbew.indicators.processors.ProcessorsConfig;
import org.hbew.indicators.processors.topology.TopologySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PlainStreamsJob} on its own application id and state directory over the raw records and times it
 * as the processors are timed: from RUNNING until its committed offsets on hbew.events.raw reach the given end
 * offsets.
 */
final class PlainJobRun {

    private static final Logger log = LoggerFactory.getLogger(PlainJobRun.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final InProcessStack stack;
    private final int partitions;

    PlainJobRun(InProcessStack stack, int partitions) {
        this.stack = stack;
        this.partitions = partitions;
    }

    BenchReport.PlainJobResult run(Map<TopicPartition, Long> rawEnd) throws InterruptedException {
        stack.createTopics(new TopicSpec(PlainStreamsJob.OUTPUT_TOPIC, true, Topics.INDICATORS_CITY.spec().configs(),
                "the plain Kafka Streams job's hourly count and sum per raw key"));
        long total = Offsets.total(rawEnd);
        Double loadBefore = ProcFiles.loadAverage();
        KafkaStreams streams = new KafkaStreams(PlainStreamsJob.topology(TopologySettings.defaults(partitions).grace()),
                properties());
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        long start = System.nanoTime();
        try (Offsets offsets = stack.offsets()) {
            streams.start();
            if (!running.await(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the plain Kafka Streams job did not reach RUNNING within "
                        + START_TIMEOUT);
            }
            long runningAt = System.nanoTime();
            Long cpuAtRunning = StreamThreadCpu.nanos(PlainStreamsJob.APPLICATION_ID);
            Offsets.Wait wait = offsets.awaitCommitted(PlainStreamsJob.APPLICATION_ID, rawEnd,
                    runningAt + WorkOff.patience(total).toNanos(), WorkOff.POLL);
            long worked = total - wait.behind();
            double rate = Rates.perSecond(worked, wait.atNanos() - runningAt);
            log.info("Plain Kafka Streams job: {} of {} records in {} ms after {} ms of start-up{}", worked, total,
                    (wait.atNanos() - runningAt) / 1_000_000, (runningAt - start) / 1_000_000,
                    wait.caughtUp() ? "" : " (timed out)");
            Double cpuPerEvent = StreamThreadCpu.microsPerEvent(cpuAtRunning,
                    StreamThreadCpu.nanos(PlainStreamsJob.APPLICATION_ID), worked);
            return new BenchReport.PlainJobResult(total, Rates.seconds(runningAt - start),
                    Rates.seconds(wait.atNanos() - runningAt), rate, cpuPerEvent, wait.caughtUp(), loadBefore,
                    ProcFiles.loadAverage());
        } finally {
            streams.close(CLOSE_TIMEOUT);
        }
    }

    /**
     * The operator's client settings, then the job's own over them (they define what is measured), and the
     * replication factor of the benchmark's other topics for its internal ones.
     */
    private Properties properties() {
        Duration commitInterval = ProcessorsConfig.defaults(stack.bootstrapServers(), stack.dir()).commitInterval();
        Properties properties = new Properties();
        properties.putAll(stack.clientSettings().asMap());
        properties.putAll(PlainStreamsJob.properties(stack.bootstrapServers(), stack.dir().resolve("plain-job"),
                commitInterval));
        properties.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) stack.replicationFactor());
        return properties;
    }
}
