package org.civicdispatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.civicdispatch.contract.DeadLetterHeaders;
import org.civicdispatch.contract.Party;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.Audience;
import org.civicdispatch.events.NotificationSent;
import org.civicdispatch.notification.domain.Fixtures;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Notification on a real broker and registry: what audit and an in-app inbox read from notifications. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class NotificationServiceIntegrationTest {

    private static final String REPORTS = Topics.INCIDENT_REPORTS.name();
    private static final String CASE_EVENTS = Topics.CASE_EVENTS.name();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final KafkaTestClient kafka = TestInfrastructure.kafka();
    private static final AvroCodec codec = TestInfrastructure.codec();



    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        // Runs before the context starts: the test broker creates no topics on its own, and the topics this
        // service reads are provisioned by intake and dispatch.
        kafka.createTopics(REPORTS, CASE_EVENTS);
        TestInfrastructure.kafkaAndRegistry(registry);
    }

    @Test
    void shouldTellTheCitizenAndTheDepartmentsAsTheCaseMoves() {
        String caseId = "C-IT-" + UUID.randomUUID();
        kafka.send(REPORTS, caseId, codec.encode(REPORTS + "-value", Fixtures.report(caseId, "en")));
        kafka.send(CASE_EVENTS, caseId, codec.encode(CASE_EVENTS + "-value",
                Fixtures.dispatched(caseId, "urban-management", "environment")));

        try (TopicReader notifications = new TopicReader(Topics.NOTIFICATIONS.name())) {
            // The two topics are consumed independently, so only each event's own notices keep their order.
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(notices(notifications.read(), caseId))
                    .extracting(NotificationSent::getAudience, NotificationSent::getRecipientRef,
                            NotificationSent::getTemplateId, NotificationSent::getLocale)
                    .containsExactlyInAnyOrder(
                            tuple(Audience.CITIZEN, "citizen-of:" + caseId, "citizen.received", "en"),
                            tuple(Audience.CITIZEN, "citizen-of:" + caseId, "citizen.dispatched", "zh-CN"),
                            tuple(Audience.DEPARTMENT_STAFF, "department:urban-management", "staff.new-task",
                                    "zh-CN"),
                            tuple(Audience.DEPARTMENT_STAFF, "department:environment", "staff.new-task", "zh-CN")));
            List<NotificationSent> notices = notices(notifications.read(), caseId);
            assertThat(notices).filteredOn(notice -> notice.getTemplateId().equals("citizen.received"))
                    .singleElement().satisfies(notice -> {
                        assertThat(notice.getBody())
                                .isEqualTo("We have received your report. Your case number is " + caseId + ".");
                        assertThat(notice.getNotificationId())
                                .isEqualTo("reported:" + caseId + "/CITIZEN/citizen-of:" + caseId + "/IN_APP");
                    });
            assertThat(notices).filteredOn(notice -> notice.getSourceEventId().equals(caseId + "/dispatched"))
                    .extracting(NotificationSent::getRecipientRef).containsExactly("citizen-of:" + caseId,
                            "department:urban-management", "department:environment");
            assertThat(notices).allSatisfy(notice -> {
                assertThat(notice.getSentAt()).isNotNull();
                assertThat(notice.toString()).doesNotContain(Fixtures.PHONE, Fixtures.EMAIL, Fixtures.NAME);
            });
        }
    }

    @Test
    void shouldDeadLetterAnUnreadableReportWithTheReasonAndCarryOn() {
        String badKey = "bad-" + UUID.randomUUID();
        String caseId = "C-IT-" + UUID.randomUUID();
        kafka.send(REPORTS, badKey, "{\"hello\":1}".getBytes(StandardCharsets.UTF_8));
        kafka.send(REPORTS, caseId, codec.encode(REPORTS + "-value", Fixtures.report(caseId, null)));

        try (TopicReader deadLetters = new TopicReader(Topics.deadLetters(Party.NOTIFICATION).name());
             TopicReader notifications = new TopicReader(Topics.NOTIFICATIONS.name())) {
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(deadLetters.read())
                    .filteredOn(r -> badKey.equals(r.key())).singleElement().satisfies(r -> {
                        assertThat(KafkaTestClient.header(r, DeadLetterHeaders.REASON)).contains("magic byte");
                        assertThat(KafkaTestClient.header(r, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo(REPORTS);
                        assertThat(KafkaTestClient.header(r, DeadLetterHeaders.FAILED_BY)).isEqualTo("notification");
                        assertThat(r.value()).isEqualTo("{\"hello\":1}".getBytes(StandardCharsets.UTF_8));
                    }));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(notices(notifications.read(), caseId))
                    .singleElement().satisfies(notice -> assertThat(notice.getBody())
                            .isEqualTo("您的诉求已受理，案件编号为 " + caseId + "。")));
        }
    }

    private static List<NotificationSent> notices(List<ConsumerRecord<String, byte[]>> records, String caseId) {
        return records.stream().filter(r -> caseId.equals(r.key()))
                .map(r -> codec.decode(r.value(), NotificationSent.class).value()).toList();
    }

    /** Reads a topic from the beginning, keeping what it has read across polls. */
    private static final class TopicReader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

        TopicReader(String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(topic));
        }

        List<ConsumerRecord<String, byte[]>> read() {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return List.copyOf(records);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
