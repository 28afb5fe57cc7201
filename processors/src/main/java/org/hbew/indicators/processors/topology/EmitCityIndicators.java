package org.hbew.indicators.processors.topology;

import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.records.CityIndicator;

/** One hbew.indicators.city record per indicator of a window update, stamped with the processing time. */
final class EmitCityIndicators extends ContextualProcessor<String, WindowUpdate, String, CityIndicator> {

    private final Catalog catalog;

    EmitCityIndicators(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void process(Record<String, WindowUpdate> record) {
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        for (KeyValue<String, CityIndicator> out : CityOutputs.cityIndicators(catalog, record.value(), now)) {
            context().forward(record.withKey(out.key).withValue(out.value));
        }
    }
}
