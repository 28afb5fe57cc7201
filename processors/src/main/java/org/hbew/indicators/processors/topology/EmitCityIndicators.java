package org.hbew.indicators.processors.topology;

import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.hbew.indicators.catalog.Catalog;
import org.hbew.indicators.records.CityIndicator;

/** One hbew.indicators.city record per indicator and window of an update, stamped with the processing time. */
final class EmitCityIndicators extends ContextualProcessor<String, ItemCityUpdate, String, CityIndicator> {

    private final Catalog catalog;

    EmitCityIndicators(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void process(Record<String, ItemCityUpdate> record) {
        Instant now = Instant.ofEpochMilli(context().currentSystemTimeMs());
        ItemCityUpdate update = record.value();
        for (ItemCityUpdate.WindowFigures window : update.windows()) {
            for (KeyValue<String, CityIndicator> out : CityOutputs.cityIndicators(catalog, update, window, now)) {
                context().forward(record.withKey(out.key).withValue(out.value));
            }
        }
    }
}
