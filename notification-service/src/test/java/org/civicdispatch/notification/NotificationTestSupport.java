package org.civicdispatch.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
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
import org.civicdispatch.contract.Topics;
import org.civicdispatch.devinfra.DevSmsGateway;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real parts notification talks to in tests, one of each per test JVM: broker and registry, PostgreSQL, an SMS
 * gateway on loopback (the dev gateway, scriptable to fail) and a GreenMail SMTP server.
 */
public final class NotificationTestSupport {

    public static final String SMS_API_KEY = "test-sms-key";
    private static DevSmsGateway sms;
    private static GreenMail mail;

    private NotificationTestSupport() {
    }

    public static synchronized DevSmsGateway sms() {
        if (sms == null) {
            sms = DevSmsGateway.start(0, SMS_API_KEY);
        }
        return sms;
    }

    public static synchronized GreenMail mail() {
        if (mail == null) {
            mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            mail.start();
        }
        return mail;
    }

    /** Points the service at all of them, with short delays so retries and deferrals happen within a test. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        KafkaTestClient kafka = TestInfrastructure.kafka();
        // The test broker creates no topics on its own; these are provisioned by intake and dispatch.
        kafka.createTopics(Topics.INCIDENT_REPORTS.name(), Topics.CASE_EVENTS.name(), Topics.SLA_EVENTS.name());
        TestInfrastructure.kafkaAndRegistry(registry);
        PostgresEndpoint db = TestInfrastructure.postgres(database);
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> mail().getSmtp().getPort());
        registry.add("civic.notification.sms-gateway-url", () -> sms().url());
        registry.add("civic.notification.sms-api-key", () -> SMS_API_KEY);
        registry.add("civic.notification.directory", () -> "classpath:directory/test-directory.json");
        registry.add("civic.notification.retry.delays", () -> "300ms");
        registry.add("civic.notification.retry.max-attempts", () -> "3");
        registry.add("civic.notification.resume-every", () -> "300ms");
        registry.add("civic.notification.request-timeout", () -> "1s");
        registry.add("resilience4j.retry.configs.default.wait-duration", () -> "50ms");
        registry.add("resilience4j.timelimiter.configs.sms.timeout-duration", () -> "1500ms");
        registry.add("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", () -> "1s");
    }

    /** Reads a topic from the beginning, keeping what it has read across polls. */
    public static final class TopicReader implements AutoCloseable {

        private final KafkaConsumer<String, byte[]> consumer;
        private final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();

        public TopicReader(String topic) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(topic));
        }

        public List<ConsumerRecord<String, byte[]>> read() {
            consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            return List.copyOf(records);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
