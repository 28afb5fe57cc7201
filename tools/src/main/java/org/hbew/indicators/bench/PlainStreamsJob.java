package org.hbew.indicators.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;
import org.hbew.indicators.kafka.Topics;

/**
 * The processors' peer in the benchmark: the plain Kafka Streams job a user might write instead of this project.
 * It reads hbew.events.raw (key {@code <item>:<city>}, value the JSON envelope), parses each value with Jackson,
 * and keeps, per raw key and 1-hour tumbling window of the record's timestamp (the event's time), the count of
 * events and the sum of their {@code value} (0 for flow events, which carry none); every update goes to
 * {@value #OUTPUT_TOPIC} as key {@code <item>:<city>@<window start>} and value {@code {"count":n,"sum":x}}.
 *
 * <p>It does none of what the processors do besides: no validation, de-duplication, late routing, sketches,
 * day windows, rollups or status. It runs as its user would leave it: exactly_once_v2, one stream thread, the
 * default stores (RocksDB behind the record cache, with a changelog). Only the commit interval is the processors'
 * own instead of exactly_once_v2's default of 100 ms, since it trades throughput for latency alike in both.
 */
final class PlainStreamsJob {

    static final String APPLICATION_ID = BenchNames.ID_PREFIX + "plain";
    static final String OUTPUT_TOPIC = BenchNames.TOPIC_PREFIX + "plain";
    static final String STORE = "plain-hourly-count-and-sum";
    static final Duration WINDOW = Duration.ofHours(1);

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlainStreamsJob() {
    }

    /**
     * @param grace how long after a window's end its events are still counted: the processors' grace
     */
    static Topology topology(Duration grace) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(Topics.RAW.name(), Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("ingest-raw"))
                .mapValues(PlainStreamsJob::valueOf, Named.as("parse-value"))
                .filter((key, value) -> value != null, Named.as("drop-unreadable"))
                .groupByKey(Grouped.with("group-by-raw-key", Serdes.String(), Serdes.Double()))
                .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, grace))
                .aggregate(CountAndSum::none, (key, value, sums) -> sums.add(value), Named.as("count-and-sum"),
                        Materialized.<String, CountAndSum, WindowStore<Bytes, byte[]>>as(STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(CountAndSum.SERDE))
                .toStream(Named.as("stream-updates"))
                .map(PlainStreamsJob::output, Named.as("format-output"))
                .to(OUTPUT_TOPIC, Produced.with(Serdes.String(), Serdes.String()).withName("egress-plain"));
        return builder.build();
    }

    static Properties properties(String bootstrapServers, Path stateDir, Duration commitInterval) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        return p;
    }

    /** The event's {@code value}, 0 if it has none (flow events), or null if the record is not JSON at all. */
    static Double valueOf(byte[] envelope) {
        try {
            JsonNode event = JSON.readTree(envelope);
            return event == null ? null : event.path("value").asDouble(0);
        } catch (IOException e) {
            return null;
        }
    }

    private static KeyValue<String, String> output(Windowed<String> window, CountAndSum sums) {
        return KeyValue.pair(window.key() + "@" + Instant.ofEpochMilli(window.window().start()),
                String.format(Locale.ROOT, "{\"count\":%d,\"sum\":%s}", sums.count(), sums.sum()));
    }

    /** The aggregate of one key and window, stored as 16 bytes. */
    record CountAndSum(long count, double sum) {

        static final Serde<CountAndSum> SERDE = Serdes.serdeFrom(
                (topic, sums) -> sums == null ? null
                        : ByteBuffer.allocate(Long.BYTES + Double.BYTES).putLong(sums.count).putDouble(sums.sum).array(),
                (topic, bytes) -> {
                    if (bytes == null) {
                        return null;
                    }
                    ByteBuffer buffer = ByteBuffer.wrap(bytes);
                    return new CountAndSum(buffer.getLong(), buffer.getDouble());
                });

        static CountAndSum none() {
            return new CountAndSum(0, 0);
        }

        CountAndSum add(double value) {
            return new CountAndSum(count + 1, sum + value);
        }
    }
}
