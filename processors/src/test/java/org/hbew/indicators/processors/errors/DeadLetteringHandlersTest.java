package org.hbew.indicators.processors.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.Record;
import org.hbew.indicators.catalog.CatalogLoader;
import org.hbew.indicators.processors.metrics.PipelineMetrics;
import org.junit.jupiter.api.Test;

/** Unexpected failures dead-letter the source record with its origin and continue; they never stop a thread. */
class DeadLetteringHandlersTest {

    private static final byte[] KEY = "18:ordos".getBytes(StandardCharsets.UTF_8);
    private static final byte[] VALUE = "{\"some\":\"event\"}".getBytes(StandardCharsets.UTF_8);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final PipelineMetrics metrics = new PipelineMetrics(registry, CatalogLoader.loadDefault());
    private final Map<String, Object> configs = Map.of(
            StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "hbew.events.dlq",
            DeadLetteringHandlers.METRICS_CONFIG, metrics);

    private static ErrorHandlerContext context() {
        return new ErrorHandlerContext() {
            @Override public String topic() { return "hbew.events.raw"; }
            @Override public int partition() { return 3; }
            @Override public long offset() { return 42; }
            @Override public Headers headers() { return new RecordHeaders().add("origin", new byte[] {1}); }
            @Override public String processorNodeId() { return "evaluate-status"; }
            @Override public TaskId taskId() { return new TaskId(0, 3); }
            @Override public long timestamp() { return 1_000; }
            @Override public byte[] sourceRawKey() { return KEY; }
            @Override public byte[] sourceRawValue() { return VALUE; }
        };
    }

    private static String header(ProducerRecord<byte[], byte[]> record, String name) {
        return DeadLetterHeaders.read(record.headers(), name);
    }

    @Test
    void shouldDeadLetterTheSourceRecordOfAFailedProcessorAndContinue() {
        DeadLetteringHandlers.Processing handler = new DeadLetteringHandlers.Processing();
        handler.configure(configs);

        ProcessingExceptionHandler.Response response = handler.handleError(context(),
                new Record<>("18:ordos", "parsed", 1_000), new IllegalStateException("boom"));

        assertThat(response.result()).isEqualTo(ProcessingExceptionHandler.Result.RESUME);
        ProducerRecord<byte[], byte[]> dead = response.deadLetterQueueRecords().get(0);
        assertThat(response.deadLetterQueueRecords()).hasSize(1);
        assertThat(dead.topic()).isEqualTo("hbew.events.dlq");
        assertThat(dead.key()).isEqualTo(KEY);
        assertThat(dead.value()).isEqualTo(VALUE);
        assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo(PipelineMetrics.REASON_PROCESSING_ERROR);
        assertThat(header(dead, DeadLetterHeaders.EXCEPTION)).isEqualTo(IllegalStateException.class.getName());
        assertThat(header(dead, DeadLetterHeaders.MESSAGE)).isEqualTo("boom");
        assertThat(header(dead, DeadLetterHeaders.TOPIC)).isEqualTo("hbew.events.raw");
        assertThat(header(dead, DeadLetterHeaders.PARTITION)).isEqualTo("3");
        assertThat(header(dead, DeadLetterHeaders.OFFSET)).isEqualTo("42");
        assertThat(dead.headers().lastHeader("origin")).as("the record's own headers are kept").isNotNull();
        assertThat(registry.get("hbew.dlq.records").tag("reason", "processing_error").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldDeadLetterBytesThatCannotBeDeserializedAndContinue() {
        DeadLetteringHandlers.Deserialization handler = new DeadLetteringHandlers.Deserialization();
        handler.configure(configs);
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("hbew.targets", 0, 7, KEY, VALUE);

        DeserializationExceptionHandler.Response response = handler.handleError(context(), record,
                new org.apache.kafka.common.errors.SerializationException("not a target"));

        assertThat(response.result()).isEqualTo(DeserializationExceptionHandler.Result.RESUME);
        assertThat(response.deadLetterQueueRecords()).singleElement().satisfies(dead -> {
            assertThat(dead.value()).isEqualTo(VALUE);
            assertThat(header(dead, DeadLetterHeaders.REASON)).isEqualTo(PipelineMetrics.REASON_DESERIALIZATION_ERROR);
        });
    }
}
