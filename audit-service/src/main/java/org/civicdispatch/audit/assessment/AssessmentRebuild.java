package org.civicdispatch.audit.assessment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civicdispatch.assessment.model.AssessmentModel;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.registry.wire.UnreadableRecordException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds the assessment read model from scratch, from the audit store (in chain order) or from Kafka (each
 * partition from its beginning to its end at the start). The model depends only on each case's own order, which
 * both keep, so both give the same result; records that cannot be decoded are skipped and counted.
 */
public class AssessmentRebuild {

    private static final int PAGE = 2_000;

    /** A rebuilt model, and how many records went in and were skipped as unreadable. */
    public record Rebuilt(AssessmentModel model, long records, long unreadable) {
    }

    private final JdbcClient jdbc;
    private final AvroCodec codec;

    public AssessmentRebuild(JdbcClient jdbc, AvroCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    public Rebuilt fromStore() {
        AssessmentModel model = new AssessmentModel();
        AtomicLong records = new AtomicLong();
        AtomicLong unreadable = new AtomicLong();
        long after = 0;
        while (true) {
            List<Object[]> page = jdbc.sql("""
                            SELECT chain_seq, topic, raw FROM audit_event
                            WHERE chain_seq > :after AND raw IS NOT NULL
                              AND (topic IN ('incident-reports', 'case-events', 'sla-events')
                                   OR topic LIKE 'department-tasks-%')
                            ORDER BY chain_seq LIMIT :limit""")
                    .param("after", after).param("limit", PAGE)
                    .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getBytes(3)}).list();
            for (Object[] row : page) {
                apply(model, (String) row[1], (byte[]) row[2], records, unreadable);
                after = (Long) row[0];
            }
            if (page.size() < PAGE) {
                return new Rebuilt(model, records.get(), unreadable.get());
            }
        }
    }

    /** Reads without a consumer group and with {@code read_committed}, so it disturbs nobody and sees no aborts. */
    public Rebuilt fromKafka(Map<String, Object> clientConfig) {
        Properties props = new Properties();
        props.putAll(clientConfig);
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        AssessmentModel model = new AssessmentModel();
        AtomicLong records = new AtomicLong();
        AtomicLong unreadable = new AtomicLong();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.listTopics(Duration.ofSeconds(30)).forEach((topic, infos) -> {
                if (AssessedTopics.typeOf(topic).isPresent()) {
                    infos.forEach(i -> partitions.add(new TopicPartition(i.topic(), i.partition())));
                }
            });
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition())) && r.value() != null) {
                        apply(model, r.topic(), r.value(), records, unreadable);
                    }
                }
            }
        }
        return new Rebuilt(model, records.get(), unreadable.get());
    }

    private void apply(AssessmentModel model, String topic, byte[] raw, AtomicLong records, AtomicLong unreadable) {
        Class<? extends SpecificRecord> type = AssessedTopics.typeOf(topic).orElseThrow();
        try {
            SpecificRecord value = codec.decode(raw, type).value();
            model.apply(topic, value);
            records.incrementAndGet();
        } catch (UnreadableRecordException | IllegalArgumentException e) {
            // A poison record the platform dead-lettered, or one the model refuses: it counts for nobody.
            unreadable.incrementAndGet();
        }
    }
}
