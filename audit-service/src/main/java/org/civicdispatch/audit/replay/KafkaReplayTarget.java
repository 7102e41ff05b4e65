package org.civicdispatch.audit.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients, created on first use, so the service and the CLI replay alike. The producer is idempotent
 * with acks=all: what {@link #flush()} confirmed is on the topic once, in the order sent per key.
 */
public class KafkaReplayTarget implements ReplayTarget, AutoCloseable {

    private final Map<String, Object> adminConfig;
    private final Map<String, Object> producerConfig;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private Admin admin;
    private KafkaProducer<String, byte[]> producer;

    public KafkaReplayTarget(Map<String, Object> adminConfig, Map<String, Object> producerConfig) {
        this.adminConfig = Map.copyOf(adminConfig);
        Map<String, Object> producer = new HashMap<>(producerConfig);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "audit-replay");
        this.producerConfig = Map.copyOf(producer);
    }

    @Override
    public Set<String> existingTopics() {
        try {
            return admin().listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics", e);
        }
    }

    @Override
    public void createTopic(String name, int partitions) {
        try {
            admin().createTopics(List.of(new NewTopic(name, partitions, (short) -1))).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create " + name, e);
        }
    }

    @Override
    public void send(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name,
                text == null ? null : text.getBytes(StandardCharsets.UTF_8)));
        producer().send(record, (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    @Override
    public void flush() {
        producer().flush();
        Exception e = failure.getAndSet(null);
        if (e != null) {
            throw new IllegalStateException("replay not fully published", e);
        }
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(10));
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        return admin;
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }
}
