package org.civicdispatch.audit.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.civicdispatch.assessment.period.Period;
import org.civicdispatch.assessment.render.CsvReport;
import org.civicdispatch.assessment.render.UnitNames;
import org.civicdispatch.assessment.report.Assessment;
import org.civicdispatch.assessment.report.Grouping;
import org.civicdispatch.events.CaseClosed;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.CaseRated;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.Closure;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.SlaStage;
import org.civicdispatch.events.TaskAccepted;
import org.civicdispatch.events.TaskResolved;
import org.civicdispatch.events.TaskReturned;
import org.civicdispatch.events.TaskRole;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestHttp;
import org.civicdispatch.testkit.TestInfrastructure;
import org.civicdispatch.testkit.TestTokens;
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

/**
 * The assessment as auditors and operators read it, rebuilt from the audit store; and the same model rebuilt from
 * Kafka, which must come out equal.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AssessmentOverHttpTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
    private static final List<String> TOPICS = List.of("incident-reports", "case-events", "sla-events",
            "department-tasks-sanitation");
    private static final KafkaTestClient kafka = TestInfrastructure.kafka();
    private static final AvroCodec codec = TestInfrastructure.codec();

    @LocalServerPort
    int port;

    @Autowired
    AssessmentRebuild rebuild;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void publishTwoCases() {
        kafka.createTopics(TOPICS.toArray(String[]::new));
        // C-KPI-1: signed in time, resolved, rated satisfied, closed.
        report("C-KPI-1");
        send("department-tasks-sanitation", "C-KPI-1", task("C-KPI-1"));
        event("C-KPI-1", 1, dispatched(), NOW);
        event("C-KPI-1", 2, TaskAccepted.newBuilder().setTaskId("C-KPI-1/sanitation").setDepartmentCode("sanitation")
                .setResponseId("r1").build(), NOW.plusSeconds(600));
        event("C-KPI-1", 3, TaskResolved.newBuilder().setTaskId("C-KPI-1/sanitation").setDepartmentCode("sanitation")
                .setResponseId("r2").build(), NOW.plusSeconds(7200));
        event("C-KPI-1", 4, CaseRated.newBuilder().setSatisfied(true).build(), NOW.plusSeconds(9000));
        event("C-KPI-1", 5, CaseClosed.newBuilder().setClosure(Closure.RATED).build(), NOW.plusSeconds(9000));
        // C-KPI-2: returned as not sanitation's, after its signing deadline breached.
        report("C-KPI-2");
        send("department-tasks-sanitation", "C-KPI-2", task("C-KPI-2"));
        event("C-KPI-2", 1, dispatched(), NOW);
        send("sla-events", "C-KPI-2", SlaEvent.newBuilder().setEventId("C-KPI-2/sla/sign-breach")
                .setCaseId("C-KPI-2").setTaskId("C-KPI-2/sanitation").setDepartmentCode("sanitation")
                .setStage(SlaStage.SIGN).setKind(SlaEventKind.BREACH).setDeadline(NOW.plusSeconds(7200))
                .setFiredAt(NOW.plusSeconds(7201)).build());
        event("C-KPI-2", 2, TaskReturned.newBuilder().setTaskId("C-KPI-2/sanitation").setDepartmentCode("sanitation")
                .setResponseId("r3").setReason("a matter for the grid").build(), NOW.plusSeconds(8000));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        PostgresEndpoint db = TestInfrastructure.postgres("audit_assessment");
        Path keys = Files.createTempDirectory("audit-key");
        TestInfrastructure.kafkaAndRegistry(registry);
        TestTokens.register(registry);
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("civic.audit.signing.key-file", () -> keys.resolve("key.pem").toString());
        registry.add("civic.audit.checkpoint-interval", () -> "PT1H");
    }

    @Test
    void shouldServeTheAssessmentAsJsonCsvChartAndRankingToAuditorsAndOperators() throws Exception {
        String path = "/api/assessment?period=2026-11&by=department";
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            assertThat(assessedRows()).isGreaterThanOrEqualTo(12);
            HttpResponse<String> json = TestHttp.get(port, path, TestTokens.auditor());
            assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
            assertThat(json.body()).contains("\"period\":\"2026-11\"", "\"unit\":\"sanitation\"");
        });

        HttpResponse<String> csv = TestHttp.get(port, path + "&format=csv", TestTokens.operator("*"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v)
                .startsWith("text/csv"));
        assertThat(csv.body()).contains("sanitation");
        HttpResponse<String> chart = TestHttp.get(port, "/api/assessment/chart?period=2026-11&by=department"
                + "&kpi=return_rate", TestTokens.auditor());
        assertThat(chart.statusCode()).isEqualTo(200);
        assertThat(chart.body()).contains("<svg", "sanitation", "50.0% (1/2)");
        assertThat(TestHttp.get(port, "/api/assessment/ranking?period=2026-Q4&by=street", TestTokens.auditor())
                .statusCode()).isEqualTo(200);

        for (String bad : List.of("/api/assessment?period=November&by=department",
                "/api/assessment?period=2026-11&by=planet", "/api/assessment/chart?period=2026&by=street&kpi=mood")) {
            HttpResponse<String> refused = TestHttp.get(port, bad, TestTokens.auditor());
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }
        assertThat(TestHttp.get(port, path, TestTokens.department("sanitation")).statusCode()).isEqualTo(403);
        assertThat(TestHttp.get(port, path, null).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_query_log WHERE query = 'assessment'").query(Long.class)
                .single()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void shouldRebuildTheSameModelFromKafkaAsFromTheAuditStore() {
        long published = publishedRecords();
        await().atMost(Duration.ofSeconds(90)).until(() -> assessedRows() >= published);

        AssessmentRebuild.Rebuilt fromStore = rebuild.fromStore();
        AssessmentRebuild.Rebuilt fromKafka = rebuild.fromKafka(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()));

        assertThat(fromStore.records()).isEqualTo(fromKafka.records()).isGreaterThanOrEqualTo(12);
        assertThat(fromStore.model().snapshot()).isEqualTo(fromKafka.model().snapshot());
        for (Grouping grouping : Grouping.values()) {
            assertThat(CsvReport.of(Assessment.of(fromStore.model(), Period.parse("2026-11"), grouping),
                    UnitNames.NONE)).isEqualTo(CsvReport.of(Assessment.of(fromKafka.model(), Period.parse("2026-11"),
                    grouping), UnitNames.NONE));
        }
    }

    @Test
    void shouldRebuildFromKafkaForAuditorsOnlyAndSayThatItEqualsTheStore() throws Exception {
        long published = publishedRecords();
        await().atMost(Duration.ofSeconds(90)).until(() -> assessedRows() >= published);
        String body = "{\"source\":\"kafka\",\"period\":\"2026-11\",\"by\":\"department\"}";

        HttpResponse<String> rebuilt = TestHttp.post(port, "/api/assessment/rebuilds", TestTokens.auditor(), body);

        assertThat(rebuilt.statusCode()).as(rebuilt.body()).isEqualTo(200);
        JsonNode summary = JsonMapper.builder().build().readTree(rebuilt.body());
        assertThat(summary.get("source").asString()).isEqualTo("kafka");
        assertThat(summary.get("equalsStoreRebuild").asBoolean()).as(rebuilt.body()).isTrue();
        assertThat(summary.get("differingCases").asInt()).isZero();
        assertThat(summary.get("records").asLong()).isEqualTo(summary.get("storeRecords").asLong())
                .isGreaterThanOrEqualTo(12);
        assertThat(summary.get("cases").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(summary.get("assessment").toString()).contains("sanitation");
        HttpResponse<String> store = TestHttp.post(port, "/api/assessment/rebuilds", TestTokens.auditor(),
                "{\"source\":\"store\"}");
        assertThat(store.statusCode()).isEqualTo(200);
        assertThat(store.body()).contains("\"source\":\"store\"", "\"equalsStoreRebuild\":null");

        HttpResponse<String> refused = TestHttp.post(port, "/api/assessment/rebuilds", TestTokens.auditor(),
                "{\"source\":\"tape\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(refused.body()).contains("kafka or store");
        assertThat(TestHttp.post(port, "/api/assessment/rebuilds", TestTokens.operator("*"), body).statusCode())
                .isEqualTo(403);
        assertThat(TestHttp.post(port, "/api/assessment/rebuilds", TestTokens.department("sanitation"), body)
                .statusCode()).isEqualTo(403);
        assertThat(TestHttp.post(port, "/api/assessment/rebuilds", null, body).statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("""
                        SELECT parameters ->> 'source' FROM audit_query_log
                        WHERE query = 'assessment-rebuild' AND caller LIKE 'http:%' ORDER BY id""")
                .query(String.class).list()).containsExactly("kafka", "store", "tape");
    }

    private long assessedRows() {
        return jdbc.sql("""
                SELECT count(*) FROM audit_event WHERE raw IS NOT NULL
                  AND (topic IN ('incident-reports', 'case-events', 'sla-events') OR topic LIKE 'department-tasks-%')""")
                .query(Long.class).single();
    }

    /** Every record on the assessed topics of the shared test broker, whichever test class wrote it. */
    private static long publishedRecords() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.listTopics().entrySet().stream()
                    .filter(e -> AssessedTopics.typeOf(e.getKey()).isPresent())
                    .flatMap(e -> e.getValue().stream().map(i -> new TopicPartition(i.topic(), i.partition())))
                    .toList();
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(e -> e.getValue() - begin.get(e.getKey())).sum();
        }
    }

    private static void report(String caseId) {
        send("incident-reports", caseId, IncidentReported.newBuilder().setCaseId(caseId)
                .setChannel(Channel.HOTLINE_12345).setCategory("sanitation.garbage-overflow").setDescription("bins")
                .setLocation(place()).setUrgency(Urgency.ROUTINE).setReportedAt(NOW.minusSeconds(60))
                .setAcceptedAt(NOW.minusSeconds(30)).build());
    }

    private static DepartmentTask task(String caseId) {
        return DepartmentTask.newBuilder().setTaskId(caseId + "/sanitation").setCaseId(caseId)
                .setDepartmentCode("sanitation").setRole(TaskRole.LEAD).setMatterCode("sanitation.garbage-overflow")
                .setDescription("bins").setLocation(place()).setTier(Tier.COMMUNITY).setDispatchedAt(NOW)
                .setSignBy(NOW.plusSeconds(7200)).setResolveBy(NOW.plusSeconds(3 * 86400)).setCatalogVersion("t")
                .setOwnerUnit("NG-S01-C03").build();
    }

    private static IncidentDispatched dispatched() {
        return IncidentDispatched.newBuilder().setMatterCode("sanitation.garbage-overflow").setTier(Tier.COMMUNITY)
                .setLeadDepartment("sanitation").setCatalogVersion("t").setRoutingReason("matter").build();
    }

    private static Location place() {
        return Location.newBuilder().setLatitude(43.88).setLongitude(125.32).setGridCode("NG-S01-C03-G07")
                .setCommunityCode("NG-S01-C03").setStreetCode("NG-S01").build();
    }

    private static void event(String caseId, int version, SpecificRecord payload, Instant at) {
        send("case-events", caseId, CaseEvent.newBuilder().setEventId(caseId + "/" + version).setCaseId(caseId)
                .setOccurredAt(at).setPayload(payload).build());
    }

    private static void send(String topic, String key, SpecificRecord value) {
        kafka.send(topic, key, codec.encode(topic + "-value", value));
    }
}
