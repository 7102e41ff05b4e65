package org.civicdispatch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.generic.GenericContainer;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit service on a real broker, registry and database, fed by a plain client as the other services would. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuditServiceIntegrationTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final KafkaTestClient kafka = TestInfrastructure.kafka();
    private static final AvroCodec codec = TestInfrastructure.codec();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void createTopics() {
        // Audit only reads; the writers provision these topics in the platform.
        kafka.createTopics("incident-reports", "case-events", "intake-dlq");
    }


    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresEndpoint db = TestInfrastructure.postgres("audit_test");
        TestInfrastructure.kafkaAndRegistry(registry);
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
    }

    @Test
    void shouldServeTheTimelineOfACaseFromReportToDispatch() throws Exception {
        send("incident-reports", "C-AUDIT-1", report("C-AUDIT-1"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(timeline("C-AUDIT-1").statusCode()).isEqualTo(200));
        send("case-events", "C-AUDIT-1", dispatched("C-AUDIT-1"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(timeline("C-AUDIT-1")).get("events")).hasSize(2));
        JsonNode body = json(timeline("C-AUDIT-1"));
        JsonNode reported = body.get("events").get(0);
        JsonNode dispatched = body.get("events").get(1);

        assertThat(body.get("caseId").asString()).isEqualTo("C-AUDIT-1");
        assertThat(reported.get("topic").asString()).isEqualTo("incident-reports");
        assertThat(reported.get("eventType").asString()).isEqualTo(IncidentReported.class.getName());
        assertThat(reported.get("schemaId").asInt()).isPositive();
        assertThat(Instant.parse(reported.get("recordedAt").asString()))
                .isBefore(Instant.parse(dispatched.get("recordedAt").asString()));
        assertThat(reported.get("payload").get("category").asString()).isEqualTo("sanitation.garbage-overflow");
        assertThat(reported.get("payload").get("channel").asString()).isEqualTo("HOTLINE_12345");
        assertThat(reported.get("payload").get("reportedAt").asLong()).isEqualTo(NOW.toEpochMilli());
        assertThat(reported.get("headers").isObject()).isTrue();
        assertThat(reported.get("decodeError").isNull()).isTrue();
        assertThat(dispatched.get("topic").asString()).isEqualTo("case-events");
        assertThat(dispatched.get("eventType").asString()).isEqualTo(CaseEvent.class.getName());
        assertThat(dispatched.get("payload").get("payload").get("leadDepartment").asString())
                .isEqualTo("sanitation");
        assertThat(dispatched.get("payload").get("payload").get("assistingDepartments").get(0).asString())
                .isEqualTo("urban-management");
    }

    @Test
    void shouldKeepGarbageBytesWithTheReasonAndGoOnAuditing() throws Exception {
        byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        kafka.send("intake-dlq", "C-AUDIT-2", garbage);
        send("intake-dlq", "C-AUDIT-2", report("C-AUDIT-2"));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(timeline("C-AUDIT-2")).get("events")).hasSize(2));
        JsonNode events = json(timeline("C-AUDIT-2")).get("events");

        assertThat(events.get(0).get("decodeError").asString()).contains("unknown magic byte 0x7b");
        assertThat(events.get(0).get("eventType").isNull()).isTrue();
        assertThat(events.get(0).get("payload").isNull()).isTrue();
        assertThat(events.get(1).get("payload").get("caseId").asString()).isEqualTo("C-AUDIT-2");
        assertThat(jdbc.sql("SELECT raw FROM audit_event WHERE case_id = 'C-AUDIT-2' AND decode_error IS NOT NULL")
                .query(byte[].class).single()).isEqualTo(garbage);
    }

    @Test
    void shouldAnswerAnUnknownCaseWithAProblem() throws Exception {
        HttpResponse<String> response = timeline("C-NEVER-SEEN");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("title").asString()).isEqualTo("Unknown case");
    }

    @Test
    void shouldRefuseAnInvalidCaseIdWithAProblem() throws Exception {
        for (String invalid : List.of("C-" + "1".repeat(63), "C*1", "C%201")) {
            HttpResponse<String> response = timeline(invalid);

            assertThat(response.statusCode()).as(invalid).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
    }

    private HttpResponse<String> timeline(String caseId) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/audit/incidents/"
                + caseId)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static void send(String topic, String key, GenericContainer event) {
        kafka.send(topic, key, codec.encode(topic + "-value", event));
    }

    private static IncidentReported report(String caseId) {
        return IncidentReported.newBuilder()
                .setCaseId(caseId)
                .setChannel(Channel.HOTLINE_12345)
                .setCategory("sanitation.garbage-overflow")
                .setDescription("bins overflowing")
                .setLocation(Location.newBuilder().setLatitude(43.88).setLongitude(125.32).build())
                .setUrgency(Urgency.ROUTINE)
                .setReportedAt(NOW)
                .setAcceptedAt(NOW.plusSeconds(1))
                .build();
    }

    private static CaseEvent dispatched(String caseId) {
        return CaseEvent.newBuilder()
                .setEventId(caseId + "-dispatched")
                .setCaseId(caseId)
                .setOccurredAt(NOW.plusSeconds(2))
                .setPayload(IncidentDispatched.newBuilder()
                        .setMatterCode("sanitation.garbage-overflow")
                        .setTier(Tier.COMMUNITY)
                        .setLeadDepartment("sanitation")
                        .setAssistingDepartments(List.of("urban-management"))
                        .setCatalogVersion("test-1")
                        .setRoutingReason("catalog match")
                        .build())
                .build();
    }
}
