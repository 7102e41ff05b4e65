package org.civicdispatch.support.kafka;

import io.micrometer.core.instrument.Metrics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.civicdispatch.contract.DeadLetterHeaders;
import org.civicdispatch.registry.RegistryUnavailableException;
import org.civicdispatch.registry.wire.UnreadableRecordException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * How a listener's failures end. Unreadable or rejected records go to the service's DLQ at once with the reason in
 * headers, and the consumer moves on. An outage (registry, event log or database down) is retried without end (the
 * record is not at fault and must not be lost). Anything else is retried twice, then dead-lettered. Publishing to
 * the DLQ must succeed before the offset is committed.
 */
public final class DeadLetters {

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<String, byte[]> template, String service,
                                                   String deadLetterTopic) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> new TopicPartition(deadLetterTopic, -1));
        recoverer.setHeadersFunction((record, ex) -> headers(record.topic(), record.partition(), record.offset(),
                reasonOf(ex), service));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, new FixedBackOff(500, 2));
        handler.addNotRetryableExceptions(UnreadableRecordException.class, RejectedRecordException.class);
        handler.setBackOffFunction((record, ex) -> backOffFor(ex));
        return handler;
    }

    /** Without end for an outage (the record is not at fault and must not be lost); null: the default, twice. */
    static BackOff backOffFor(Throwable ex) {
        if (causeOf(ex, RegistryUnavailableException.class) == null && causeOf(ex, OutageException.class) == null
                && causeOf(ex, TransientDataAccessException.class) == null
                && causeOf(ex, DataAccessResourceFailureException.class) == null) {
            return null;
        }
        ExponentialBackOff outage = new ExponentialBackOff(500, 2.0);
        outage.setMaxInterval(10_000);
        return outage;
    }

    /** The DLQ headers of the contract, for listeners and for Kafka Streams exception handlers alike. */
    public static Headers headers(String topic, int partition, long offset, Throwable cause, String service) {
        // Built once per dead-lettered record, whoever dead-letters it: the place to count them.
        Metrics.counter("civic.dead.letters", "service", service, "original.topic", topic).increment();
        RecordHeaders headers = new RecordHeaders();
        add(headers, DeadLetterHeaders.REASON, String.valueOf(cause.getMessage()));
        add(headers, DeadLetterHeaders.EXCEPTION, cause.getClass().getName());
        add(headers, DeadLetterHeaders.ORIGINAL_TOPIC, topic);
        add(headers, DeadLetterHeaders.ORIGINAL_PARTITION, String.valueOf(partition));
        add(headers, DeadLetterHeaders.ORIGINAL_OFFSET, String.valueOf(offset));
        add(headers, DeadLetterHeaders.FAILED_BY, service);
        return headers;
    }

    /** The exception that says what is wrong with the record, below the listener's wrappers. */
    static Throwable reasonOf(Throwable ex) {
        Throwable t = ex;
        while ((t instanceof ListenerExecutionFailedException || t instanceof BatchListenerFailedException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    public static Throwable causeOf(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
