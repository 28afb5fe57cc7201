package org.hbew.indicators.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.hbew.indicators.event.EmergencyRequest;
import org.hbew.indicators.event.MedicalSettlement;
import org.hbew.indicators.event.PensionTransfer;
import org.hbew.indicators.records.CityIndicator;
import org.hbew.indicators.records.FlowCounts;
import org.hbew.indicators.records.IndicatorStatus;
import org.hbew.indicators.records.RegionIndicator;
import org.hbew.indicators.records.Statistics;
import org.hbew.indicators.records.Status;
import org.hbew.indicators.records.TargetRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonSerdeRoundTripTest {

    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
    private static final Statistics STATS = new Statistics(3, 2, 0, 1, 0.6667, 1, T0, 0.6667, null, null, null, null);
    private static final Statistics SKETCHED = new Statistics(4, 40, 5, 20, 10, 20, T0, null, 9.9, 19.8, 19.8, 0.01);

    static Stream<Object> records() {
        TargetRecord target = new TargetRecord(18, "direct_settlement_rate", null, "at_least", 0.9, "1d",
                TargetRecord.SOURCE_CATALOG, T0);
        return Stream.of(
                new MedicalSettlement("ordos", "hohhot", 12.5, true, OffsetDateTime.parse("2026-11-27T08:00:00+08:00"),
                        OffsetDateTime.parse("2026-11-27T08:20:00+08:00")),
                new PensionTransfer("baotou", "ulanqab", PensionTransfer.Stage.REQUESTED,
                        OffsetDateTime.parse("2026-11-27T08:00:00+08:00"), null),
                new EmergencyRequest("ordos", "baotou", EmergencyRequest.Category.PUBLIC_HEALTH,
                        EmergencyRequest.Resource.TEAM, OffsetDateTime.parse("2026-11-27T08:00:00+08:00"),
                        OffsetDateTime.parse("2026-11-27T08:10:00+08:00"), null),
                new CityIndicator(18, "ordos", "direct_settlement_rate", "ratio", "ratio", "ratio", 0.6667, "1h", T0,
                        T0.plusSeconds(3600), STATS, T0.plusSeconds(10)),
                new RegionIndicator(21, "dispatch_minutes", "minutes", "quantiles", "p95", 19.8, "1d", T0,
                        T0.plusSeconds(86_400), List.of("baotou", "ordos"), SKETCHED, T0),
                new IndicatorStatus(18, "ordos", "direct_settlement_rate", Status.LAGGING, 0.6667, "ratio", target,
                        "1d", T0, T0, T0.plusSeconds(5)),
                new IndicatorStatus(4, "hohhot", "hsr_prelim_milestones", Status.NO_DATA, null, "sum", null, null,
                        T0, null, T0),
                new FlowCounts("medical.settlement", "ordos", "hohhot", "1h", T0, T0.plusSeconds(3600), 12, 11,
                        40_000.5, T0),
                target);
    }

    @ParameterizedTest
    @MethodSource("records")
    @SuppressWarnings("unchecked")
    void shouldReadBackWhatItWrites(Object record) {
        JsonSerde<Object> serde = (JsonSerde<Object>) JsonSerde.of(record.getClass());

        byte[] bytes = serde.serializer().serialize("topic", record);

        assertThat(serde.deserializer().deserialize("topic", bytes)).isEqualTo(record);
    }

    @Test
    void shouldPassNullsThroughForTombstones() {
        JsonSerde<TargetRecord> serde = JsonSerde.of(TargetRecord.class);

        assertThat(serde.serializer().serialize("t", null)).isNull();
        assertThat(serde.deserializer().deserialize("t", null)).isNull();
    }

    @Test
    void shouldWriteTimesAsIsoStringsKeepingTheOffset() {
        MedicalSettlement settlement = new MedicalSettlement("ordos", "hohhot", 1, false,
                OffsetDateTime.parse("2026-11-27T08:00:00+08:00"), OffsetDateTime.parse("2026-11-27T09:00:00+08:00"));

        String json = new String(JsonSerde.of(MedicalSettlement.class).toBytes(settlement), StandardCharsets.UTF_8);

        assertThat(json).contains("\"dischargedAt\":\"2026-11-27T08:00:00+08:00\"");
    }

    @Test
    void shouldFailWithTheTypeNameOnBytesThatDoNotFit() {
        JsonSerde<TargetRecord> serde = JsonSerde.of(TargetRecord.class);

        assertThatThrownBy(() -> serde.fromBytes("{\"item\":\"x\"".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("TargetRecord");
    }

    @Test
    void shouldRoundTripAnEnvelopeThroughTheParser() {
        var catalog = org.hbew.indicators.catalog.CatalogLoader.loadDefault();
        var parser = new org.hbew.indicators.event.EventParser(catalog,
                org.hbew.indicators.event.ValidationPolicy.withoutTimeBounds(), java.time.Clock.systemUTC());
        var event = org.hbew.indicators.event.EventEnvelope.flow(UUID.randomUUID(), "ordos", 18,
                OffsetDateTime.parse("2026-11-27T08:20:00+08:00"),
                new MedicalSettlement("ordos", "hohhot", 12.5, true, OffsetDateTime.parse("2026-11-27T08:00:00+08:00"),
                        OffsetDateTime.parse("2026-11-27T08:20:00+08:00")));

        byte[] bytes = JsonSerde.of(org.hbew.indicators.event.EventEnvelope.class).toBytes(event);

        assertThat(parser.parse(bytes)).isEqualTo(new org.hbew.indicators.event.ParseResult.Valid(event));
    }
}
