package org.civicdispatch.notification.listener;

import org.civicdispatch.registry.RegistryUnavailableException;
import org.civicdispatch.support.kafka.DeadLetters;
import org.civicdispatch.support.kafka.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The container of notification-retries: the platform's DLQ handling, plus waiting for records not yet due. The
 * wait is a seek back and a pause of at most {@link #DUE_CHECK_MILLIS} per round, well under the consumer's poll
 * interval, repeated until the record is due.
 */
@Configuration(proxyBeanMethods = false)
public class RetryListenerConfiguration {

    static final long DUE_CHECK_MILLIS = 500;

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, byte[]> retryListenerContainerFactory(
            ConsumerFactory<String, byte[]> rawConsumerFactory, KafkaTemplate<String, byte[]> deadLetterTemplate,
            PlatformProperties properties) {
        DefaultErrorHandler handler = DeadLetters.errorHandler(deadLetterTemplate, properties.service(),
                properties.deadLetterTopic());
        ExponentialBackOff outage = new ExponentialBackOff(500, 2.0);
        outage.setMaxInterval(10_000);
        handler.setBackOffFunction((record, ex) -> {
            if (DeadLetters.causeOf(ex, NotYetDueException.class) != null) {
                return new FixedBackOff(DUE_CHECK_MILLIS, FixedBackOff.UNLIMITED_ATTEMPTS);
            }
            return DeadLetters.causeOf(ex, RegistryUnavailableException.class) != null ? outage : null;
        });
        // Waiting for a due time is no error worth a stack trace every half second.
        handler.setLogLevel(KafkaException.Level.DEBUG);
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(rawConsumerFactory);
        factory.setCommonErrorHandler(handler);
        return factory;
    }
}
