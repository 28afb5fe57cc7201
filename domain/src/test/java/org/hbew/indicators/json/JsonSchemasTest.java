package org.hbew.indicators.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.hbew.indicators.records.CityIndicator;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.IndicatorStatus;
import org.hbew.indicators.records.RegionIndicator;
import org.hbew.indicators.records.Statistics;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;
import org.junit.jupiter.api.Test;

/** The published schemas accept what the records write, reject what they must not, and resolve offline. */
class JsonSchemasTest {

    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
    private static final TargetRecord TARGET = new TargetRecord(18, "direct_settlement_rate", null, "at_least", 0.9,
            "1d", TargetRecord.SOURCE_CATALOG, T0);
    private static final Statistics STATS = new Statistics(4, 40, 5, 20, 10, 20, T0, null, 9.9, 19.8, 19.8, 0.01);

    private static JsonNode json(Object record) {
        return Json.mapper().valueToTree(record);
    }

    @Test
    void shouldAcceptEveryDownstreamRecordAsWritten() {
        assertThat(JsonSchemas.violations(JsonSchemas.INDICATORS_CITY, json(new CityIndicator(21, "ordos",
                "dispatch_minutes", "minutes", "quantiles", "p95", 19.8, "1h", T0, T0.plusSeconds(3600), STATS, T0))))
                .isEmpty();
        assertThat(JsonSchemas.violations(JsonSchemas.INDICATORS_REGION, json(new RegionIndicator(21,
                "dispatch_minutes", "minutes", "quantiles", "p95", 19.8, "1d", T0, T0.plusSeconds(86_400),
                List.of("baotou", "ordos"), STATS, T0)))).isEmpty();
        assertThat(JsonSchemas.violations(JsonSchemas.INDICATORS_STATUS, json(new IndicatorStatus(18, "ordos",
                "direct_settlement_rate", Status.LAGGING, 0.8, "ratio", TARGET, "1d", T0, T0, T0)))).isEmpty();
        assertThat(JsonSchemas.violations(JsonSchemas.INDICATORS_STATUS, json(new IndicatorStatus(4, "hohhot",
                "hsr_prelim_milestones", Status.NO_DATA, null, "sum", null, "1d", T0, null, T0)))).isEmpty();
        assertThat(JsonSchemas.violations(JsonSchemas.FLOWS, json(new FlowCounts("pension.transfer", "baotou",
                "ordos", "1d", T0, T0.plusSeconds(86_400), 3, 2, 0, T0)))).isEmpty();
        assertThat(JsonSchemas.violations(JsonSchemas.TARGETS, json(TARGET))).isEmpty();
    }

    @Test
    void shouldRejectARecordWithAnUnknownCityStatusOrExtraField() {
        ObjectNode status = (ObjectNode) json(new IndicatorStatus(18, "ordos", "direct_settlement_rate",
                Status.ON_TRACK, 0.95, "ratio", TARGET, "1d", T0, T0, T0));
        status.put("city", "beijing");
        status.put("status", "GREEN");
        status.put("colour", "green");

        assertThat(JsonSchemas.violations(JsonSchemas.INDICATORS_STATUS, status)).hasSize(3)
                .anyMatch(v -> v.startsWith("/city"))
                .anyMatch(v -> v.startsWith("/status"))
                .anyMatch(v -> v.contains("colour"));
    }

    @Test
    void shouldCheckNestedStatisticsThroughTheirOwnSchema() {
        ObjectNode city = (ObjectNode) json(new CityIndicator(2, "ordos", "road_km_opened", "km", "sum", "sum", 12.5,
                "1h", T0, T0.plusSeconds(3600), STATS, T0));
        ((ObjectNode) city.get("statistics")).put("count", 0);

        assertThat(JsonSchemas.violations(JsonSchemas.INDICATORS_CITY, city)).singleElement().asString()
                .startsWith("/statistics/count");
    }
}
