package org.civicdispatch.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.util.backoff.BackOffExecution;

class AuditKafkaConfigurationTest {

    @Test
    void shouldRetryAFailingRecordWithoutEverGivingUpAndAtMostEveryTenSeconds() {
        BackOffExecution execution = AuditKafkaConfiguration.backOff().start();

        assertThat(LongStream.range(0, 10_000).map(attempt -> execution.nextBackOff()))
                .allMatch(wait -> wait != BackOffExecution.STOP && wait <= 10_000)
                .contains(10_000L);
    }

    @Test
    void shouldRetryAFailingBatchWholeWithoutSkippingOrCommittingAnyOfIt() throws Exception {
        String topic = "department-tasks-batch-retry-test";
        String group = "audit-batch-retry-test";
        KafkaTestClient kafka = TestInfrastructure.kafka().createTopics(1, topic);
        for (int i = 0; i < 20; i++) {
            kafka.send(topic, "C-" + i, ("task " + i).getBytes(StandardCharsets.UTF_8));
        }
        DefaultKafkaConsumerFactory<String, byte[]> consumers = new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer());
        List<List<Long>> deliveries = new CopyOnWriteArrayList<>();
        ConcurrentMessageListenerContainer<String, byte[]> container = new AuditKafkaConfiguration()
                .auditListenerContainerFactory(consumers, 1).createContainer(topic);
        container.getContainerProperties().setMessageListener(
                (BatchMessageListener<String, byte[]>) records -> {
                    List<Long> offsets = new ArrayList<>();
                    records.forEach(r -> offsets.add(r.offset()));
                    deliveries.add(offsets);
                    if (deliveries.size() <= 2) {
                        // Of a type the default classification would not retry.
                        throw new ClassCastException("store down, attempt " + deliveries.size());
                    }
                });
        container.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(20).equals(committed(group, topic)));
        } finally {
            container.stop();
        }

        assertThat(deliveries.get(1)).as("the retry is the whole batch").isEqualTo(deliveries.get(0));
        assertThat(deliveries.get(2)).isEqualTo(deliveries.get(0));
        assertThat(deliveries.stream().skip(2).flatMap(List::stream).toList())
                .as("after the failures, every record once").isEqualTo(LongStream.range(0, 20).boxed().toList());
    }

    private static Long committed(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS).get(new TopicPartition(topic, 0));
            return offset == null ? null : offset.offset();
        }
    }
}
