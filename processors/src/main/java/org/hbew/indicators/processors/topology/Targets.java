package org.hbew.indicators.processors.topology;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.hbew.indicators.catalog.Indicator;
import org.hbew.indicators.catalog.Item;
import org.hbew.indicators.catalog.Target;
import org.hbew.indicators.kafka.Keys;
import org.hbew.indicators.records.TargetRecord;

/**
 * The targets in force: the compacted topic hbew.targets, kept whole on every instance as a global
 * store (it is small and every status task needs all of it). A city's own target wins over the
 * target for all cities, which wins over the catalog's illustrative default. Public for the query API,
 * which resolves targets the same way from the same (global, so local) store.
 */
public final class Targets {

    static final String STORE = "targets-store";

    private final ReadOnlyKeyValueStore<String, TargetRecord> store;

    public Targets(ReadOnlyKeyValueStore<String, TargetRecord> store) {
        this.store = store;
    }

    /** The target in force for {@code city}, or for all cities when {@code city} is null. */
    public Optional<TargetRecord> resolve(Item item, Indicator indicator, String city) {
        TargetRecord forCity = store.get(Keys.target(item.number(), indicator.code(), city));
        if (forCity != null) {
            return Optional.of(forCity);
        }
        TargetRecord forAll = store.get(Keys.target(item.number(), indicator.code(), null));
        if (forAll != null) {
            return Optional.of(forAll);
        }
        return indicator.target().map(t -> fromCatalog(item, indicator, t));
    }

    static TargetRecord fromCatalog(Item item, Indicator indicator, Target target) {
        return new TargetRecord(item.number(), indicator.code(), null, target.direction().code(), target.value(),
                target.window(), TargetRecord.SOURCE_CATALOG, Instant.EPOCH);
    }

    /** Keeps the global store in step with hbew.targets; a tombstone removes a target. */
    static final class Loader implements Processor<String, TargetRecord, Void, Void> {
        private KeyValueStore<String, TargetRecord> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, TargetRecord> record) {
            if (record.key() == null) {
                return;
            }
            if (record.value() == null) {
                store.delete(record.key());
            } else {
                store.put(record.key(), record.value());
            }
        }
    }
}
