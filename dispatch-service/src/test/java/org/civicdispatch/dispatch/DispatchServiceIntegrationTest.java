package org.civicdispatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdispatch.testkit.KafkaTestClient.anyWithKey;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.contract.DeadLetterHeaders;
import org.civicdispatch.dispatch.routing.Fixtures;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dispatch service on a real broker and registry, fed by a separate client as intake would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DispatchServiceIntegrationTest {

    @TempDir
    static Path stateDir;
    private static KafkaTestClient kafka;
    private static AvroCodec codec;

    @BeforeAll
    static void createInputTopic() {
        kafka = new KafkaTestClient(TestInfrastructure.kafkaBootstrapServers()).createTopics("incident-reports");
        codec = TestInfrastructure.codec();
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.kafkaAndRegistry(registry);
        registry.add("civic.state-dir", () -> stateDir.toString());
    }

    @Test
    void shouldDispatchAReportedCaseToTheDepartmentTopicAndTheCaseStream() {
        kafka.send("incident-reports", "C-IT-1", codec.encode("incident-reports-value",
                Fixtures.report("C-IT-1", "municipal.road-damage", Urgency.ROUTINE)));

        List<ConsumerRecord<String, byte[]>> tasks = kafka.readUntil("department-tasks-municipal-works",
                anyWithKey("C-IT-1"), Duration.ofSeconds(60));
        assertThat(tasks).filteredOn(r -> r.key().equals("C-IT-1")).singleElement()
                .extracting(r -> codec.decode(r.value(), DepartmentTask.class).value().getMatterCode())
                .isEqualTo("municipal.road-damage");
        List<ConsumerRecord<String, byte[]>> events = kafka.readUntil("case-events", anyWithKey("C-IT-1"),
                Duration.ofSeconds(30));
        CaseEvent event = codec.decode(events.get(events.size() - 1).value(), CaseEvent.class).value();
        assertThat(((IncidentDispatched) event.getPayload()).getAssistingDepartments())
                .containsExactly("urban-management");
    }

    @Test
    void shouldDeadLetterABadMagicByteAndAnUnknownSchemaIdAndKeepDispatching() {
        byte[] notWireFormat = "{\"category\":\"noise\"}".getBytes(StandardCharsets.UTF_8);
        kafka.send("incident-reports", "C-BAD-1", notWireFormat);
        kafka.send("incident-reports", "C-BAD-2", ByteBuffer.allocate(8).put((byte) 0).putInt(424_242).array());
        kafka.send("incident-reports", "C-IT-2", codec.encode("incident-reports-value",
                Fixtures.report("C-IT-2", "sanitation.garbage-overflow", Urgency.ROUTINE)));

        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil("dispatch-dlq", anyWithKey("C-BAD-1", "C-BAD-2"),
                Duration.ofSeconds(60));
        ConsumerRecord<String, byte[]> badMagic = dead.stream().filter(r -> r.key().equals("C-BAD-1")).findFirst()
                .orElseThrow();
        assertThat(KafkaTestClient.header(badMagic, DeadLetterHeaders.REASON)).contains("unknown magic byte 0x7b");
        assertThat(KafkaTestClient.header(badMagic, DeadLetterHeaders.ORIGINAL_TOPIC)).isEqualTo("incident-reports");
        assertThat(badMagic.value()).isEqualTo(notWireFormat);
        assertThat(dead).filteredOn(r -> r.key().equals("C-BAD-2")).singleElement()
                .satisfies(r -> assertThat(KafkaTestClient.header(r, DeadLetterHeaders.REASON))
                        .contains("schema id 424242 is not in the registry"));
        assertThat(kafka.readUntil("department-tasks-sanitation", anyWithKey("C-IT-2"), Duration.ofSeconds(60)))
                .extracting(ConsumerRecord::key).contains("C-IT-2");
    }
}
