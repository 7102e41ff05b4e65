package org.civicdispatch.support.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.registry.wire.AvroWireSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;

/**
 * Kafka wiring shared by the services. Listeners receive the raw bytes and decode them with {@link AvroCodec}, so
 * a record that cannot be read reaches the DLQ byte for byte, and the binder/serializer confusion that hides
 * "Unknown magic byte" failures cannot occur. Producers write the Confluent wire format with acks=all and
 * idempotence, so an acknowledged write is durable and never duplicated by a retry.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformKafkaConfiguration {

    @Bean
    public SchemaRegistryClient schemaRegistryClient(PlatformProperties properties) {
        return new SchemaRegistryClient(properties.schemaRegistryUrl(), null, Duration.ofSeconds(5));
    }

    @Bean
    public AvroCodec avroCodec(SchemaRegistryClient registry, PlatformProperties properties) {
        return new AvroCodec(registry, properties.autoRegisterSchemas());
    }

    @Bean
    public KafkaTemplate<String, SpecificRecord> eventTemplate(KafkaProperties kafka, AvroCodec codec,
                                                               PlatformProperties properties,
                                                               ObjectProvider<MeterRegistry> meters) {
        DefaultKafkaProducerFactory<String, SpecificRecord> factory = new DefaultKafkaProducerFactory<>(
                producerConfig(kafka, properties, "events"), new StringSerializer(), new AvroWireSerializer<>(codec));
        meters.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        return observed(new KafkaTemplate<>(factory));
    }

    @Bean
    public KafkaTemplate<String, byte[]> deadLetterTemplate(KafkaProperties kafka, PlatformProperties properties,
                                                            ObjectProvider<MeterRegistry> meters) {
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(
                producerConfig(kafka, properties, "dlq"), new StringSerializer(), new ByteArraySerializer());
        meters.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        return observed(new KafkaTemplate<>(factory));
    }

    /** Each send is observed: the trace context of the request or record being handled goes into the headers. */
    private static <V> KafkaTemplate<String, V> observed(KafkaTemplate<String, V> template) {
        template.setObservationEnabled(true);
        return template;
    }

    @Bean
    public ConsumerFactory<String, byte[]> rawConsumerFactory(KafkaProperties kafka, PlatformProperties properties,
                                                             ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.service());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, properties.service());
        DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(config,
                new StringDeserializer(), new ByteArrayDeserializer());
        // Client metrics, consumer lag (records-lag-max) among them, at /actuator/prometheus.
        meters.ifAvailable(registry -> factory.addListener(new MicrometerConsumerListener<>(registry)));
        return factory;
    }

    @Bean
    public ConcurrentKafkaListenerContainerFactory<String, byte[]> kafkaListenerContainerFactory(
            ConsumerFactory<String, byte[]> rawConsumerFactory, KafkaTemplate<String, byte[]> deadLetterTemplate,
            PlatformProperties properties) {
        ConcurrentKafkaListenerContainerFactory<String, byte[]> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(rawConsumerFactory);
        // A record's trace context (W3C traceparent header) continues in what its listener does and sends.
        factory.getContainerProperties().setObservationEnabled(true);
        factory.setCommonErrorHandler(DeadLetters.errorHandler(deadLetterTemplate, properties.service(),
                properties.deadLetterTopic()));
        return factory;
    }

    private static Map<String, Object> producerConfig(KafkaProperties kafka, PlatformProperties properties,
                                                      String purpose) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, properties.service() + "-" + purpose);
        return config;
    }
}
