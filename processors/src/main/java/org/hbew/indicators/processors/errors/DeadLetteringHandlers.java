package org.hbew.indicators.processors.errors;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.hbew.indicators.processors.metrics.PipelineMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka Streams' exception handlers, chosen on purpose: a record that makes a processor throw, or
 * that a source cannot deserialize, goes to the dead-letter topic through Kafka Streams' own
 * dead-letter support (KIP-1034: the handler returns the records, the task produces them in its
 * transaction) and processing continues. Expected bad input never gets here; count-events sets it
 * aside as data. This catches what nobody expected, without stopping a stream thread on it.
 */
public final class DeadLetteringHandlers {

    /** Config key under which the application passes its {@link PipelineMetrics} to the handlers. */
    public static final String METRICS_CONFIG = "hbew.pipeline.metrics";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetteringHandlers.class);

    private DeadLetteringHandlers() {
    }

    static ProducerRecord<byte[], byte[]> deadLetter(String topic, String reason, byte[] key, byte[] value,
                                                      ErrorHandlerContext context, Exception exception) {
        RecordHeaders headers = new RecordHeaders(context.headers().toArray());
        DeadLetterHeaders.write(headers, reason, exception.getClass().getName(), String.valueOf(exception.getMessage()),
                context.topic(), context.partition(), context.offset());
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    /** Shared configuration of both handlers. */
    private abstract static class Configured {
        String deadLetterTopic;
        PipelineMetrics metrics;

        void configureFrom(Map<String, ?> configs) {
            Object topic = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
            deadLetterTopic = topic == null ? null : topic.toString();
            Object m = configs.get(METRICS_CONFIG);
            metrics = m instanceof PipelineMetrics pm ? pm : null;
        }

        List<ProducerRecord<byte[], byte[]>> records(String reason, byte[] key, byte[] value,
                                                     ErrorHandlerContext context, Exception exception) {
            if (metrics != null) {
                metrics.deadLettered(reason);
            }
            if (deadLetterTopic == null) {
                return List.of();
            }
            return List.of(deadLetter(deadLetterTopic, reason, key, value, context, exception));
        }
    }

    /** For exceptions thrown by processors: dead-letter the source record and continue. */
    public static final class Processing extends Configured implements ProcessingExceptionHandler {
        @Override
        public void configure(Map<String, ?> configs) {
            configureFrom(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            LOG.error("Processor {} failed on {}-{}@{}; the source record goes to the dead-letter topic",
                    context.processorNodeId(), context.topic(), context.partition(), context.offset(), exception);
            return Response.resume(records(PipelineMetrics.REASON_PROCESSING_ERROR, context.sourceRawKey(),
                    context.sourceRawValue(), context, exception));
        }
    }

    /** For bytes a source cannot deserialize (e.g. a corrupt target record): dead-letter them and continue. */
    public static final class Deserialization extends Configured implements DeserializationExceptionHandler {
        @Override
        public void configure(Map<String, ?> configs) {
            configureFrom(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                    Exception exception) {
            LOG.warn("Cannot deserialize {}-{}@{} ({}); it goes to the dead-letter topic", context.topic(),
                    context.partition(), context.offset(), exception.getMessage());
            return Response.resume(records(PipelineMetrics.REASON_DESERIALIZATION_ERROR, record.key(), record.value(),
                    context, exception));
        }
    }
}
