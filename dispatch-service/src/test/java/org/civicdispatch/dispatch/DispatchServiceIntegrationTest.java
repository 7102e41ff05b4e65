package org.civicdispatch.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdispatch.testkit.KafkaTestClient.anyWithKey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicdispatch.contract.DeadLetterHeaders;
import org.civicdispatch.dispatch.routing.Fixtures;
import org.civicdispatch.events.CaseEscalated;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.Urgency;
import org.awaitility.Awaitility;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.ResponseKind;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.TestInfrastructure;
import org.civicdispatch.testkit.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The dispatch service on a real broker and registry, fed by a separate client as intake would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext // its Kafka Streams must not keep consuming while other test classes run their own instances
class DispatchServiceIntegrationTest {

    @LocalServerPort
    int port;

    @TempDir
    static Path stateDir;
    private static final KafkaTestClient kafka = TestInfrastructure.kafka();
    private static final AvroCodec codec = TestInfrastructure.codec();

    @BeforeAll
    static void createInputTopic() {
        kafka.createTopics(3, "incident-reports");
    }


    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.kafkaAndRegistry(registry);
        TestTokens.register(registry);
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
    void shouldApplyADepartmentSystemsResponseAndAnOperatorsExtension() throws Exception {
        kafka.send("incident-reports", "C-IT-3", codec.encode("incident-reports-value",
                Fixtures.report("C-IT-3", "greening.fallen-tree", Urgency.ROUTINE)));
        kafka.readUntil("department-tasks-landscaping", anyWithKey("C-IT-3"), Duration.ofSeconds(60));

        kafka.send("department-responses", "C-IT-3", codec.encode("department-responses-value",
                DepartmentResponse.newBuilder().setResponseId("landscaping-sys-881").setTaskId("C-IT-3/landscaping")
                        .setCaseId("C-IT-3").setDepartmentCode("landscaping").setKind(ResponseKind.ACCEPTED)
                        .setStaffId("ls-007").setRespondedAt(Instant.now()).build()));
        HttpResponse<String> extension = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/cases/C-IT-3/extension"))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.operator("NG-S01"))
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"taskId\":\"C-IT-3/landscaping\",\"extension\":\"PT8H\",\"reason\":\"crane needed\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(extension.statusCode()).as(extension.body()).isEqualTo(202);

        List<Object> payloads = new java.util.ArrayList<>();
        kafka.readUntil("case-events", records -> {
            payloads.clear();
            records.stream().filter(r -> r.key().equals("C-IT-3"))
                    .forEach(r -> payloads.add(codec.decode(r.value(), CaseEvent.class).value().getPayload()));
            return payloads.size() >= 3;
        }, Duration.ofSeconds(60));
        assertThat(payloads).extracting(p -> p.getClass().getSimpleName())
                .containsExactly("IncidentDispatched", "TaskAccepted", "ExtensionGranted");
    }

    @Test
    void shouldListOpenTasksInTheOperatorQueueAndPushThemOverServerSentEvents() throws Exception {
        kafka.send("incident-reports", "C-IT-Q", codec.encode("incident-reports-value",
                Fixtures.report("C-IT-Q", "utilities.water-outage", Urgency.URGENT)));
        HttpClient client = HttpClient.newHttpClient();

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> queue = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/queues?department=water-utility")).header("Authorization", TestTokens.districtOperator()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(queue.body()).contains("\"caseId\":\"C-IT-Q\"", "\"stage\":\"SIGN\"",
                    "\"breached\":false");
        });
        HttpResponse<java.io.InputStream> stream = client.send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/api/queues/stream?department=water-utility"))
                        .header("Authorization", TestTokens.department("water-utility")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(stream.body(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("text/event-stream"));
            String event = lines.readLine() + lines.readLine();
            assertThat(event).contains("event:queue", "C-IT-Q");
        }
    }

    @Test
    void shouldShowACaseWithItsTasksAndTimersAndEscalateItOnAnOperatorsWord() throws Exception {
        kafka.send("incident-reports", "C-IT-E", codec.encode("incident-reports-value",
                Fixtures.report("C-IT-E", "housing.illegal-construction", Urgency.ROUTINE)));
        HttpClient client = HttpClient.newHttpClient();

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> view = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/cases/C-IT-E")).header("Authorization", TestTokens.auditor()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(view.statusCode()).isEqualTo(200);
            assertThat(view.body()).contains("\"state\":\"DISPATCHED\"", "\"taskId\":\"C-IT-E/urban-management\"",
                    "\"stage\":\"ARRIVAL\"", "\"kind\":\"REMINDER\"", "\"escalateToUnit\":\"district\"");
        });
        HttpResponse<String> escalation = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/cases/C-IT-E/escalation"))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.operator("NG-S01"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"third complaint this week\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(escalation.statusCode()).as(escalation.body()).isEqualTo(202);

        List<CaseEscalated> escalated = new java.util.ArrayList<>();
        kafka.readUntil("case-events", records -> {
            escalated.clear();
            records.stream().filter(r -> r.key().equals("C-IT-E"))
                    .map(r -> codec.decode(r.value(), CaseEvent.class).value().getPayload())
                    .filter(CaseEscalated.class::isInstance).forEach(p -> escalated.add((CaseEscalated) p));
            return !escalated.isEmpty();
        }, Duration.ofSeconds(60));
        assertThat(escalated).singleElement().satisfies(e -> {
            assertThat(e.getFromUnit()).isEqualTo("NG-S01");
            assertThat(e.getToUnit()).isEqualTo("district");
            assertThat(e.getOperator()).isEqualTo("op-zhang");
        });
        HttpResponse<String> unknown = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/api/cases/C-NOBODY")).header("Authorization", TestTokens.districtOperator()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void shouldCountTheTopologysStateInReadiness() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> readiness = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"streams\":{\"status\":\"UP\"");
        });
    }

    @Test
    void shouldExposeDispatchAndStreamsMetricsForPrometheus() throws Exception {
        kafka.send("incident-reports", "C-IT-M", codec.encode("incident-reports-value",
                Fixtures.report("C-IT-M", "sanitation.street-cleaning", Urgency.ROUTINE)));
        kafka.readUntil("department-tasks-sanitation", anyWithKey("C-IT-M"), Duration.ofSeconds(60));

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/actuator/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.body()).contains("civic_tasks_dispatched_total{department=\"sanitation\"",
                    "civic_case_events_total{type=\"IncidentDispatched\"", "civic_cases{state=\"DISPATCHED\"",
                    "kafka_consumer_fetch_manager_records_lag_max");
        });
    }

    @Test
    void shouldRefuseAnInvalidOperatorCommandWithProblemJson() throws Exception {
        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/cases/C-IT-3/extension"))
                .header("Content-Type", "application/json").header("Authorization", TestTokens.operator("NG-S01"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"taskId\":\"C-IT-3/landscaping\",\"extension\":\"-PT1H\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
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
