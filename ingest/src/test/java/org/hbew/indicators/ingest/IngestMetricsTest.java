package org.hbew.indicators.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IngestMetricsTest {

    private final IngestMetrics metrics = new IngestMetrics(List.of("hohhot", "baotou"));

    @AfterEach
    void close() {
        metrics.close();
    }

    @Test
    void shouldHaveEverySeriesOfEventsFromTheStart() {
        String scrape = metrics.scrape();

        for (String city : List.of("hohhot", "baotou", "unknown")) {
            for (IngestMetrics.Result result : IngestMetrics.Result.values()) {
                assertThat(scrape).contains("hbew_ingest_events_total{city=\"" + city + "\",result=\""
                        + result.label() + "\"} 0.0");
            }
        }
    }

    @Test
    void shouldCountEachEventUnderItsCityOrUnknown() {
        metrics.countEvents(Arrays.asList("hohhot", "hohhot", "atlantis", null), IngestMetrics.Result.INVALID);

        assertThat(metrics.scrape())
                .contains("hbew_ingest_events_total{city=\"hohhot\",result=\"invalid\"} 2.0")
                .contains("hbew_ingest_events_total{city=\"unknown\",result=\"invalid\"} 2.0")
                .contains("hbew_ingest_events_total{city=\"baotou\",result=\"invalid\"} 0.0");
    }

    @Test
    void shouldRecordRequestLatencyAsAHistogramAndExposeJvmMetrics() {
        metrics.recordRequest(202, Duration.ofMillis(30));

        assertThat(metrics.scrape())
                .contains("hbew_ingest_request_seconds_bucket{status=\"202\",le=\"0.05\"} 1")
                .contains("hbew_ingest_request_seconds_count{status=\"202\"} 1")
                .contains("jvm_memory_used_bytes")
                .contains("jvm_threads_live_threads")
                .contains("jvm_classes_loaded_classes")
                .contains("system_cpu_count")
                .contains("process_uptime_seconds");
    }
}
