package org.civicdispatch.dispatch.topology;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.civicdispatch.registry.wire.UnreadableRecordException;
import org.civicdispatch.support.kafka.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unreadable input (bad magic byte, unknown schema id, corrupt Avro) goes to dispatch-dlq with the reason, inside the
 * same transaction as the offset commit, and processing resumes. Anything else (a registry outage) fails the stream
 * thread, which is replaced and retries the record: it is not at fault and must not be lost.
 */
public class DeadLetterOnUnreadable implements DeserializationExceptionHandler {

    public static final String DLQ_TOPIC_CONFIG = "civic.dlq.topic";
    public static final String SERVICE_CONFIG = "civic.service";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnUnreadable.class);

    private String deadLetterTopic;
    private String service;

    @Override
    public void configure(Map<String, ?> configs) {
        deadLetterTopic = String.valueOf(configs.get(DLQ_TOPIC_CONFIG));
        service = String.valueOf(configs.get(SERVICE_CONFIG));
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                Exception exception) {
        Throwable reason = DeadLetters.causeOf(exception, UnreadableRecordException.class);
        if (reason == null) {
            return Response.fail();
        }
        LOG.warn("unreadable record {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(),
                deadLetterTopic, reason.getMessage());
        return Response.resume(List.of(new ProducerRecord<>(deadLetterTopic, null, record.key(), record.value(),
                DeadLetters.headers(record.topic(), record.partition(), record.offset(), reason, service))));
    }
}
