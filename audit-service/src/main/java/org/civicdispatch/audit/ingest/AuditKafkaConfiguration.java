package org.civicdispatch.audit.ingest;

import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Audit's own failure handling, unlike the shared one: it never dead-letters. Undecodable bytes are stored, not
 * thrown, so whatever still fails (database or registry down) is retried without end and no record is skipped.
 * The listener takes a whole poll at once and appends it in one transaction; when it throws (anything but
 * {@code BatchListenerFailedException}), the {@link DefaultErrorHandler} retries the whole batch in memory with the
 * same back-off, the consumer paused, and commits no offset until an attempt succeeds. A redelivered or retried batch
 * appends only what is missing, so whole-batch retries and redeliveries are safe.
 */
@Configuration(proxyBeanMethods = false)
public class AuditKafkaConfiguration {

    public static final String CONTAINER_FACTORY = "auditListenerContainerFactory";

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, byte[]> auditListenerContainerFactory(
            ConsumerFactory<String, byte[]> rawConsumerFactory,
            @Value("${civic.audit.listener-concurrency:3}") int concurrency) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(rawConsumerFactory);
        factory.setCommonErrorHandler(retryingForever());
        factory.setBatchListener(true);
        // Several consumer threads decode in parallel; the chain head's lock orders their appends.
        factory.setConcurrency(concurrency);
        // Offsets are committed only after the batch's transaction: a stop mid-batch (the batch in hand finishes,
        // or its transaction rolls back when the pool closes first) leaves nothing committed that is not stored.
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }

    static DefaultErrorHandler retryingForever() {
        DefaultErrorHandler handler = new DefaultErrorHandler(backOff());
        // The defaults skip some exception types at once (e.g. ClassCastException): nothing may be skipped here.
        handler.setClassifications(Map.of(), true);
        return handler;
    }

    /** No recoverer and no end: the default maximum elapsed time and attempts are unlimited. */
    static ExponentialBackOff backOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff;
    }
}
