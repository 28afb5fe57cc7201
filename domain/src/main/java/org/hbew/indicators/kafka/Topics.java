package org.hbew.indicators.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.hbew.indicators.json.JsonSerde;
import org.hbew.indicators.records.CityIndicator;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.IndicatorStatus;
import org.hbew.indicators.records.RegionIndicator;
import org.hbew.indicators.records.TargetRecord;

/**
 * Every topic of the product with its serdes and layout: the one definition that standalone,
 * {@code ./hbew topics}, the processors and the tests use. Keys are described in {@link Keys}.
 */
public final class Topics {

    /** Partitions of the full stack (docker-compose); standalone uses fewer to save memory. */
    public static final int DEFAULT_PARTITIONS = 12;

    private static final Serde<String> KEYS = Serdes.String();

    /**
     * Input. Values are bytes on purpose: producers may bypass ingest, and whatever arrives must be
     * read, so that a malformed record can be dead-lettered instead of stopping a stream thread.
     */
    public static final Topic<String, byte[]> RAW = new Topic<>(new TopicSpec("hbew.events.raw", true,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, millis(Duration.ofDays(7))),
            "event envelopes v1 as posted to ingest, keyed <item>:<city>"), KEYS, Serdes.ByteArray());

    public static final Topic<String, byte[]> DLQ = new Topic<>(new TopicSpec("hbew.events.dlq", true,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, millis(Duration.ofDays(30))),
            "records of hbew.events.raw that could not be used, as received; headers give the reason"),
            KEYS, Serdes.ByteArray());

    public static final Topic<String, byte[]> LATE = new Topic<>(new TopicSpec("hbew.events.late", true,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
                    TopicConfig.RETENTION_MS_CONFIG, millis(Duration.ofDays(30))),
            "events that arrived after their window's grace period; a header gives how late"),
            KEYS, Serdes.ByteArray());

    public static final Topic<String, TargetRecord> TARGETS = new Topic<>(new TopicSpec("hbew.targets", false,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            "indicator targets, seeded from the catalog and changed by operators"),
            KEYS, JsonSerde.of(TargetRecord.class));

    public static final Topic<String, CityIndicator> INDICATORS_CITY = new Topic<>(new TopicSpec(
            "hbew.indicators.city", true, windowedOutput(),
            "windowed aggregate per item, city and indicator"), KEYS, JsonSerde.of(CityIndicator.class));

    public static final Topic<String, RegionIndicator> INDICATORS_REGION = new Topic<>(new TopicSpec(
            "hbew.indicators.region", true, windowedOutput(),
            "four-city rollup per item and indicator"), KEYS, JsonSerde.of(RegionIndicator.class));

    public static final Topic<String, IndicatorStatus> INDICATORS_STATUS = new Topic<>(new TopicSpec(
            "hbew.indicators.status", true,
            Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT),
            "ON_TRACK / LAGGING / STALE / NO_DATA per item, city and indicator"),
            KEYS, JsonSerde.of(IndicatorStatus.class));

    public static final Topic<String, FlowCounts> FLOWS = new Topic<>(new TopicSpec("hbew.flows", true,
            windowedOutput(), "origin-to-destination counts and amounts of the three cross-city flows"),
            KEYS, JsonSerde.of(FlowCounts.class));

    private Topics() {
    }

    /** Every topic the product owns, in the order the README lists them. */
    public static List<TopicSpec> all() {
        return List.of(RAW.spec(), DLQ.spec(), LATE.spec(), TARGETS.spec(), INDICATORS_CITY.spec(),
                INDICATORS_REGION.spec(), INDICATORS_STATUS.spec(), FLOWS.spec());
    }

    /**
     * Windowed figures are compacted (the latest figure of each window) and also deleted after
     * retention, since every new window is a new key and compaction alone would keep them forever.
     */
    private static Map<String, String> windowedOutput() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, millis(Duration.ofDays(400)));
    }

    private static String millis(Duration d) {
        return Long.toString(d.toMillis());
    }
}
