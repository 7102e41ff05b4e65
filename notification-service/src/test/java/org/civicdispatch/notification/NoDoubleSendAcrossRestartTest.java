package org.civicdispatch.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.civicdispatch.contract.Topics;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.events.NotificationSent;
import org.civicdispatch.notification.NotificationTestSupport.TopicReader;
import org.civicdispatch.notification.delivery.DeliveryClaims;
import org.civicdispatch.devinfra.DevSmsGateway;
import org.civicdispatch.notification.domain.Fixtures;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * The service dies after the SMS gateway took a message but before the claim was marked sent (the gateway stalls
 * its answer past the shutdown). The restarted service finds the claim CLAIMED, sends again with the same
 * idempotency key, and the gateway keeps one message: the citizen gets one SMS.
 */
class NoDoubleSendAcrossRestartTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final AvroCodec codec = TestInfrastructure.codec();

    @Test
    void shouldNotSendTwiceWhenTheServiceDiesBetweenSendingAndMarkingSent() {
        DevSmsGateway sms = NotificationTestSupport.sms();
        Map<String, Object> properties = new HashMap<>();
        NotificationTestSupport.register((name, value) -> properties.put(name, value.get()), "notification_restart");
        // The gateway's stalled answer outlasts the first instance, whose shutdown does not wait for it.
        properties.put("resilience4j.timelimiter.configs.sms.timeout-duration", "60s");
        properties.put("civic.notification.request-timeout", "60s");
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "2s");
        String caseId = "C-RESTART-" + UUID.randomUUID();
        String smsId = "reported:" + caseId + "/CITIZEN/citizen-of:" + caseId + "/SMS";

        ConfigurableApplicationContext first = start(properties);
        first.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers()
                .forEach(container -> container.getContainerProperties().setShutdownTimeout(1_000));
        sms.script(new DevSmsGateway.Answer(0, 8_000));
        TestInfrastructure.kafka().send(Topics.INCIDENT_REPORTS.name(), caseId,
                codec.encode(Topics.INCIDENT_REPORTS.valueSubject(), Fixtures.report(caseId, "en")));
        await().atMost(TIMEOUT).until(() -> sms.messages().stream().anyMatch(m -> m.idempotencyKey().equals(smsId)));
        int requestsBefore = sms.requests();
        first.close();
        assertThat(stateIn(properties, smsId)).as("sent, but not marked sent").isEqualTo("CLAIMED");

        ConfigurableApplicationContext second = start(properties);
        try (TopicReader notifications = new TopicReader(Topics.NOTIFICATIONS.name())) {
            DeliveryClaims claims = second.getBean(DeliveryClaims.class);
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(claims.state(smsId)).contains("SENT"));
            assertThat(sms.requests()).as("sent again after the restart").isGreaterThan(requestsBefore);
            assertThat(sms.messages()).filteredOn(m -> m.text().contains(caseId)).as("one SMS for the citizen")
                    .hasSize(1);
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(notifications.read())
                    .filteredOn(r -> caseId.equals(r.key()))
                    .extracting(r -> codec.decode(r.value(), NotificationSent.class).value())
                    .filteredOn(n -> n.getChannel() == NotificationChannel.SMS).isNotEmpty());
        } finally {
            second.close();
        }
    }

    private static String stateIn(Map<String, Object> properties, String notificationId) {
        try (Connection db = DriverManager.getConnection((String) properties.get("spring.datasource.url"),
                (String) properties.get("spring.datasource.username"),
                (String) properties.get("spring.datasource.password"));
             PreparedStatement query = db.prepareStatement(
                     "select state from notice_claim where notification_id = ?")) {
            query.setString(1, notificationId);
            ResultSet row = query.executeQuery();
            return row.next() ? row.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConfigurableApplicationContext start(Map<String, Object> properties) {
        // As command-line arguments, which win over application.yml (default properties would not).
        return new SpringApplicationBuilder(NotificationApplication.class).web(WebApplicationType.NONE)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                        .toArray(String[]::new));
    }
}
