package org.hbew.indicators.targets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.records.TargetRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the catalog's illustrative default targets to {@code hbew.targets} (source {@code catalog}) for
 * every indicator that has one and no record for all cities yet, so a fresh cluster shows the targets in
 * force and an operator's later change is never overwritten. Run by standalone at start; running it again
 * publishes nothing new.
 */
public final class TargetSeeder {

    private static final Logger log = LoggerFactory.getLogger(TargetSeeder.class);

    private final Catalog catalog;
    private final Map<String, Object> clientConfig;
    private final Duration timeout;
    private final Clock clock;

    /**
     * @param clientConfig Kafka client settings, at least {@code bootstrap.servers}
     */
    public TargetSeeder(Catalog catalog, Map<String, Object> clientConfig, Duration timeout, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.clientConfig = Map.copyOf(clientConfig);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reads the topic to its end and publishes the missing defaults.
     *
     * @return the records published, empty when every default was already there
     */
    public List<TargetRecord> seed() {
        Map<String, TargetRecord> existing = TargetsReader.readAll(clientConfig, timeout);
        List<TargetRecord> missing = missingDefaults(catalog, existing, clock.instant());
        if (!missing.isEmpty()) {
            try (TargetsWriter writer = new TargetsWriter(clientConfig, timeout)) {
                missing.forEach(writer::put);
            }
        }
        log.info("Seeded {} default target(s) from the catalog; {} target(s) were already on the topic",
                missing.size(), existing.size());
        return missing;
    }

    /** The catalog defaults whose key (all cities) has no record among {@code existing}. */
    public static List<TargetRecord> missingDefaults(Catalog catalog, Map<String, TargetRecord> existing, Instant now) {
        List<TargetRecord> missing = new ArrayList<>();
        catalog.itemIndicators().forEach(ii -> TargetRequests.catalogDefault(ii.item(), ii.indicator(), now)
                .filter(target -> !existing.containsKey(TargetsWriter.key(target)))
                .ifPresent(missing::add));
        return missing;
    }
}
