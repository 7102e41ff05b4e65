package org.civicdispatch.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.civicdispatch.testkit.KafkaTestClient.anyWithKey;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import java.time.Instant;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.ResponseKind;
import org.civicdispatch.events.TaskRole;
import org.civicdispatch.registry.SchemaRegistryClient;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole platform as a user runs it: the services in their own JVMs from their built jars, on a real broker,
 * registry and PostgreSQL (started once for this and the console's browser test: {@link SharedPlatform}). A
 * complaint posted over HTTP must reach its department's topic and the audit timeline.
 */
@ExtendWith(SharedPlatform.class)
@Order(1)
class PlatformEndToEndTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static DevStack stack;
    private static KafkaTestClient kafka;

    @BeforeAll
    static void usePlatform() {
        stack = SharedPlatform.stack();
        kafka = SharedPlatform.kafka();
    }

    @Test
    void shouldCarryAComplaintFromIntakeToTheDepartmentTopicAndTheAuditTimeline() throws Exception {
        HttpResponse<String> accepted = SharedPlatform.fileComplaint("""
                {"channel":"HOTLINE_12345","category":"vending.night-market-stalls",
                 "description":"夜市摊位占道，影响通行","location":{"latitude":43.88,"longitude":125.33},
                 "reporter":{"name":"王芳","phone":"13900000000"}}""");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String caseId = accepted.body().replaceAll(".*\"caseId\":\"([^\"]+)\".*", "$1");

        AvroCodec codec = new AvroCodec(new SchemaRegistryClient(stack.registryUrl()), true);
        List<ConsumerRecord<String, byte[]>> tasks = kafka.readUntil("department-tasks-urban-management",
                anyWithKey(caseId), Duration.ofSeconds(90));
        DepartmentTask task = tasks.stream().filter(r -> r.key().equals(caseId))
                .map(r -> codec.decode(r.value(), DepartmentTask.class).value()).findFirst().orElseThrow();
        assertThat(task.getRole()).isEqualTo(TaskRole.LEAD);
        assertThat(task.getDescription()).isEqualTo("夜市摊位占道，影响通行");
        assertThat(new String(tasks.get(0).value(), StandardCharsets.UTF_8)).doesNotContain("13900000000", "王芳");

        // The lead department's own system signs for the task over Kafka, as a department integrator would.
        kafka.send("department-responses", caseId, codec.encode("department-responses-value",
                DepartmentResponse.newBuilder().setResponseId("um-sys-" + caseId).setTaskId(task.getTaskId())
                        .setCaseId(caseId).setDepartmentCode("urban-management").setKind(ResponseKind.ACCEPTED)
                        .setRespondedAt(Instant.now()).build()));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            HttpResponse<String> timeline = HTTP.send(HttpRequest.newBuilder(
                            URI.create(stack.url("audit-service") + "/api/audit/incidents/" + caseId))
                            .header("Authorization", stack.tokens().get("AUDITOR")).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(timeline.statusCode()).isEqualTo(200);
            assertThat(timeline.body().replaceAll("\\s", "")).contains("\"incident-reports\"", "\"case-events\"",
                    "\"department-tasks-urban-management\"", "\"department-tasks-environment\"",
                    "\"department-tasks-market-regulation\"", "\"notifications\"", "\"department-responses\"",
                    "org.civicdispatch.events.CaseEvent", "\"departmentCode\":\"urban-management\"",
                    "\"responseId\":\"um-sys-" + caseId + "\"");
        });
    }
}
