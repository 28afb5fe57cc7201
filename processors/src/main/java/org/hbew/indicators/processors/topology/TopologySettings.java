package org.hbew.indicators.processors.topology;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.hbew.indicators.records.TargetRecord;

/**
 * What shapes the topology. Changing windows changes state-store names, so it is a new deployment of
 * state, not a restart. Made in one way: {@link #builder()} on the defaults, or {@link #toBuilder()} on other
 * settings, changing what differs.
 *
 * @param windows          tumbling windows, e.g. 1h and 1d
 * @param grace            how long after a window ends events are still accepted; later ones go to hbew.events.late
 * @param retention        how long window figures stay queryable in the stores
 * @param dedupeHorizon    how long an eventId is remembered; a repeat within it is dropped
 * @param statusInterval   how often, on the wall clock, every status is re-evaluated (staleness, target changes)
 * @param rawPartitions    partitions of hbew.events.raw: a status task owns the (item, city) keys that hash to its
 *                         partition; {@value #PARTITIONS_OF_THE_CLUSTER} until the processors have asked the cluster
 *                         (configurations leave it so, and {@code ProcessorsApp} fills it in at start-up)
 * @param emitInterval     how often, on the wall clock, changed window figures are sent downstream (one record per
 *                         window per interval, however many events changed it)
 * @param maxFutureSkew    how far ahead of the processors' clock an event may be; later ones are dead-lettered, since
 *                         they would move stream time past every honest event (and the broker refuses record times
 *                         more than an hour ahead)
 */
public record TopologySettings(
        List<WindowSpec> windows,
        Duration grace,
        Duration retention,
        Duration dedupeHorizon,
        Duration statusInterval,
        int rawPartitions,
        Duration emitInterval,
        Duration maxFutureSkew) {

    public static final Duration DEFAULT_GRACE = Duration.ofHours(1);
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(35);
    public static final Duration DEFAULT_DEDUPE_HORIZON = Duration.ofDays(7);
    public static final Duration DEFAULT_STATUS_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_EMIT_INTERVAL = Duration.ofMillis(100);
    /** Ingest accepts events up to 5 minutes ahead; the rest is room for the clocks of two machines to differ. */
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(15);
    /** {@link #rawPartitions()} not known yet: as many as hbew.events.raw has on the cluster, asked at start-up. */
    public static final int PARTITIONS_OF_THE_CLUSTER = 0;
    /** The tumbling windows of the contract, and of {@code --windows}' default: an hour and a day. */
    public static final List<WindowSpec> DEFAULT_WINDOWS = List.of(WindowSpec.parse("1h"), WindowSpec.parse("1d"));

    public TopologySettings {
        if (rawPartitions < 0) {
            throw new IllegalArgumentException("rawPartitions must not be negative, was " + rawPartitions);
        }
        if (windows.isEmpty()) {
            throw new IllegalArgumentException("at least one window is needed");
        }
        windows = windows.stream().sorted(Comparator.comparing(WindowSpec::size)).toList();
        Duration largest = windows.get(windows.size() - 1).size();
        if (retention.compareTo(largest.plus(grace)) < 0) {
            throw new IllegalArgumentException("grace " + readable(grace) + " is too long: window figures are kept for "
                    + readable(retention) + ", so with the largest window of " + readable(largest)
                    + " the grace may be at most " + readable(retention.minus(largest)));
        }
    }

    /** The defaults, for a topic hbew.events.raw of {@code rawPartitions} partitions. */
    public static TopologySettings defaults(int rawPartitions) {
        return builder().rawPartitions(rawPartitions).build();
    }

    /** A builder on the defaults, the partitions of hbew.events.raw to be asked of the cluster. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder on these settings: {@code settings.toBuilder().grace(g).build()} differs from them in grace only. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Lateness is judged against the smallest window, so an on-time event is counted in every window. */
    public WindowSpec smallestWindow() {
        return windows.get(0);
    }

    /** The window a status is judged in when its indicator has no target naming one. */
    public WindowSpec largestWindow() {
        return windows.get(windows.size() - 1);
    }

    /** The window a status is judged in: the one its target names if that is one of ours, else the largest. */
    public WindowSpec windowFor(TargetRecord target) {
        return target != null && hasWindow(target.window()) ? window(target.window()) : largestWindow();
    }

    public WindowSpec window(String name) {
        return windows.stream().filter(w -> w.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no window named " + name + "; windows: "
                        + windows.stream().map(WindowSpec::name).toList()));
    }

    public boolean hasWindow(String name) {
        return windows.stream().anyMatch(w -> w.name().equals(name));
    }

    /** {@code 34d} rather than {@code PT816H} where a duration is a whole number of days. */
    private static String readable(Duration d) {
        return d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays())) ? d.toDays() + "d" : d.toString();
    }

    /** Settings in the making; {@link #build()} checks that they fit together. */
    public static final class Builder {

        private List<WindowSpec> windows = DEFAULT_WINDOWS;
        private Duration grace = DEFAULT_GRACE;
        private Duration retention = DEFAULT_RETENTION;
        private Duration dedupeHorizon = DEFAULT_DEDUPE_HORIZON;
        private Duration statusInterval = DEFAULT_STATUS_INTERVAL;
        private int rawPartitions = PARTITIONS_OF_THE_CLUSTER;
        private Duration emitInterval = DEFAULT_EMIT_INTERVAL;
        private Duration maxFutureSkew = DEFAULT_MAX_FUTURE_SKEW;

        private Builder() {
        }

        private Builder(TopologySettings settings) {
            windows = settings.windows;
            grace = settings.grace;
            retention = settings.retention;
            dedupeHorizon = settings.dedupeHorizon;
            statusInterval = settings.statusInterval;
            rawPartitions = settings.rawPartitions;
            emitInterval = settings.emitInterval;
            maxFutureSkew = settings.maxFutureSkew;
        }

        public Builder windows(List<WindowSpec> value) {
            windows = List.copyOf(value);
            return this;
        }

        public Builder grace(Duration value) {
            grace = Objects.requireNonNull(value, "grace");
            return this;
        }

        public Builder retention(Duration value) {
            retention = Objects.requireNonNull(value, "retention");
            return this;
        }

        public Builder dedupeHorizon(Duration value) {
            dedupeHorizon = Objects.requireNonNull(value, "dedupeHorizon");
            return this;
        }

        public Builder statusInterval(Duration value) {
            statusInterval = Objects.requireNonNull(value, "statusInterval");
            return this;
        }

        public Builder rawPartitions(int value) {
            rawPartitions = value;
            return this;
        }

        public Builder emitInterval(Duration value) {
            emitInterval = Objects.requireNonNull(value, "emitInterval");
            return this;
        }

        public Builder maxFutureSkew(Duration value) {
            maxFutureSkew = Objects.requireNonNull(value, "maxFutureSkew");
            return this;
        }

        /** @throws IllegalArgumentException if the settings do not fit together (a grace the retention cannot hold) */
        public TopologySettings build() {
            return new TopologySettings(windows, grace, retention, dedupeHorizon, statusInterval, rawPartitions,
                    emitInterval, maxFutureSkew);
        }
    }
}
