package org.civicdispatch.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericContainer;
import org.civicdispatch.audit.chain.SigningKeys;
import org.civicdispatch.audit.integrity.SealingTheChain;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.Reporter;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.PostgresEndpoint;
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

    @Autowired
    SealingTheChain sealing;

    private static final Path KEY_DIR = tempDir();

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("audit-key");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void createTopics() {
        // Audit only reads; the writers provision these topics in the platform.
        kafka.createTopics("incident-reports", "case-events", "intake-dlq");
    }


    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        PostgresEndpoint db = TestInfrastructure.postgres("audit_test");
        TestInfrastructure.kafkaAndRegistry(registry);
        TestTokens.register(registry);
        registry.add("spring.datasource.url", db::jdbcUrl);
        registry.add("spring.datasource.username", db::username);
        registry.add("spring.datasource.password", db::password);
        registry.add("civic.audit.signing.key-file", () -> KEY_DIR.resolve("audit-signing-key.pem").toString());
        registry.add("civic.audit.checkpoint-interval", () -> "PT1H");
    }

    @Test
    void shouldLetAuditorsReadEverythingOperatorsTheirStreetsMaskedAndNobodyElse() throws Exception {
        IncidentReported report = report("C-AUDIT-SEC");
        report.setReporter(Reporter.newBuilder().setName("Wang Fang").setPhone("13900139000").build());
        send("incident-reports", "C-AUDIT-SEC", report);
        String path = "/api/audit/incidents/C-AUDIT-SEC";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(timeline("C-AUDIT-SEC").statusCode()).isEqualTo(200));

        JsonNode unmasked = json(getWith(path, TestTokens.bearer("dpo", "auditor-pii", Map.of())));
        assertThat(unmasked.get("events").get(0).get("payload").get("reporter").get("phone").asString())
                .isEqualTo("13900139000");
        HttpResponse<String> operator = getWith(path, TestTokens.operator("NG-S01"));
        assertThat(operator.statusCode()).isEqualTo(200);
        assertThat(json(operator).get("events").get(0).get("payload").get("reporter").get("phone").asString())
                .isEqualTo("***");
        assertThat(getWith(path, TestTokens.operator("NG-S02")).statusCode()).isEqualTo(403);
        assertThat(getWith(path, TestTokens.department("sanitation")).statusCode()).isEqualTo(403);
        assertThat(getWith(path, TestTokens.intakeClient()).statusCode()).isEqualTo(403);
        assertThat(getWith("/api/audit/verify", TestTokens.operator("*")).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = getWith(path, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void shouldServeTheCaseAsItStoodAtAMomentWithTheReporterMasked() throws Exception {
        IncidentReported report = report("C-AUDIT-ASOF");
        report.setReporter(Reporter.newBuilder().setName("Li Lei").setPhone("13800138000").build());
        send("incident-reports", "C-AUDIT-ASOF", report);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(timeline("C-AUDIT-ASOF").statusCode()).isEqualTo(200));
        Instant reportedAt = Instant.parse(json(timeline("C-AUDIT-ASOF")).get("events").get(0).get("recordedAt")
                .asString());
        Thread.sleep(5); // the next record's own time must be later than the report's
        send("case-events", "C-AUDIT-ASOF", dispatched("C-AUDIT-ASOF"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(timeline("C-AUDIT-ASOF")).get("events")).hasSize(2));

        JsonNode asOf = json(get("/api/audit/incidents/C-AUDIT-ASOF?asOf=" + reportedAt, "inspector"));

        assertThat(asOf.get("asOf").asString()).isEqualTo(reportedAt.toString());
        assertThat(asOf.get("events")).hasSize(1);
        assertThat(asOf.get("events").get(0).get("payload").get("reporter").get("phone").asString()).isEqualTo("***");
        assertThat(asOf.get("events").get(0).get("payload").get("reporter").get("name").asString()).isEqualTo("***");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_query_log WHERE caller = 'http:inspector' "
                        + "AND query = 'timeline' AND parameters ->> 'asOf' = :asOf")
                .param("asOf", reportedAt.toString()).query(Long.class).single()).isEqualTo(1L);
        HttpResponse<String> invalid = get("/api/audit/incidents/C-AUDIT-ASOF?asOf=yesterday", "inspector");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void shouldVerifyTheLogOverHttpAndServeThePublicKey() throws Exception {
        send("case-events", "C-AUDIT-V", dispatched("C-AUDIT-V"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(timeline("C-AUDIT-V").statusCode()).isEqualTo(200));
        assertThat(sealing.seal()).isPresent();

        JsonNode report = json(get("/api/audit/verify", "inspector"));
        JsonNode key = json(get("/api/audit/signing-key", "inspector"));

        assertThat(report.get("ok").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("rowsChecked").asLong()).isPositive();
        assertThat(report.get("checkpointsChecked").asInt()).isPositive();
        assertThat(report.get("firstBroken").isNull()).isTrue();
        assertThat(key.get("algorithm").asString()).isEqualTo("Ed25519");
        assertThat(key.get("keyId").asString()).isEqualTo(SigningKeys.keyId(
                SigningKeys.readPublicKey(KEY_DIR.resolve("audit-signing-key.pem"))));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_query_log WHERE caller = 'http:inspector' AND query = 'verify'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void shouldRefuseReplaysIntoLiveExistingOrNonReplayTopicsWithProblems() throws Exception {
        kafka.createTopics("replay-taken");
        String period = "\"from\": \"2026-01-01T00:00:00Z\", \"to\": \"2027-01-01T00:00:00Z\"";

        HttpResponse<String> live = post("/api/audit/replays", "{\"topic\": \"case-events\", " + period + "}");
        HttpResponse<String> foreign = post("/api/audit/replays", "{\"topic\": \"my-copy\", " + period + "}");
        HttpResponse<String> taken = post("/api/audit/replays", "{\"topic\": \"replay-taken\", " + period + "}");
        HttpResponse<String> badTime = post("/api/audit/replays",
                "{\"topic\": \"replay-x\", \"from\": \"soon\", \"to\": \"2027-01-01T00:00:00Z\"}");

        assertThat(List.of(live, foreign, taken, badTime)).extracting(HttpResponse::statusCode)
                .containsExactly(409, 400, 409, 400);
        assertThat(List.of(live, foreign, taken, badTime))
                .allSatisfy(r -> assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json"));
        assertThat(json(live).get("type").asString()).isEqualTo("urn:civic-dispatch:problem:live-topic");
        assertThat(json(foreign).get("type").asString()).isEqualTo("urn:civic-dispatch:problem:not-a-replay-topic");
        assertThat(json(taken).get("type").asString()).isEqualTo("urn:civic-dispatch:problem:replay-topic-exists");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_query_log WHERE query = 'republish' "
                + "AND parameters ->> 'topic' = 'case-events'").query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void shouldRepublishAPeriodByteForByteAndWithholdPersonalDataFromAPlainAuditor() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        byte[] dispatched = codec.encode("case-events-value", dispatched("C-AUDIT-R"));
        kafka.send("case-events", "C-AUDIT-R", dispatched);
        send("incident-reports", "C-AUDIT-R", report("C-AUDIT-R"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(timeline("C-AUDIT-R")).get("events")).hasSize(2));

        HttpResponse<String> response = post("/api/audit/replays", "{\"topic\": \"replay-audit-r\", \"from\": \""
                + from + "\", \"to\": \"" + Instant.now().plusSeconds(60) + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json(response).get("withheld").asLong()).isPositive();
        var replayed = kafka.readUntil("replay-audit-r", KafkaTestClient.anyWithKey("C-AUDIT-R"),
                Duration.ofSeconds(30));
        var copy = replayed.stream().filter(r -> "C-AUDIT-R".equals(r.key())).toList();
        assertThat(copy).hasSize(1);
        assertThat(copy.get(0).value()).isEqualTo(dispatched);
        assertThat(KafkaTestClient.header(copy.get(0), "replay-original-topic")).isEqualTo("case-events");
        assertThat(replayed).noneMatch(r -> "incident-reports".equals(
                KafkaTestClient.header(r, "replay-original-topic")));
    }

    @Test
    void shouldRunAReplayInTheBackgroundWhenAskedToAndReportItsProgressUntilDone() throws Exception {
        Instant from = Instant.now().minusSeconds(1);
        kafka.send("case-events", "C-AUDIT-A", codec.encode("case-events-value", dispatched("C-AUDIT-A")));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(timeline("C-AUDIT-A")).get("events")).hasSize(1));

        HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/audit/replays"))
                .header("Content-Type", "application/json")
                .header("Prefer", "respond-async")
                .header("Authorization", TestTokens.bearer("inspector", "auditor", Map.of()))
                .POST(HttpRequest.BodyPublishers.ofString("{\"topic\": \"replay-audit-a\", \"from\": \"" + from
                        + "\", \"to\": \"" + Instant.now().plusSeconds(60) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        assertThat(started.headers().firstValue("Preference-Applied")).hasValue("respond-async");
        String location = started.headers().firstValue("Location").orElseThrow();
        assertThat(location).isEqualTo("/api/audit/replays/replay-audit-a");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json(get(location, "inspector")).get("status").asString()).isEqualTo("DONE"));
        JsonNode done = json(get(location, "inspector"));
        assertThat(done.get("published").asLong() + done.get("withheld").asLong())
                .isEqualTo(done.get("total").asLong()).isPositive();
        assertThat(kafka.readUntil("replay-audit-a", KafkaTestClient.anyWithKey("C-AUDIT-A"), Duration.ofSeconds(30)))
                .anyMatch(r -> "C-AUDIT-A".equals(r.key()));
        assertThat(getWith(location, TestTokens.bearer("op", "operator", Map.of())).statusCode()).isEqualTo(403);
        assertThat(get("/api/audit/replays/replay-never-started", "inspector").statusCode()).isEqualTo(404);
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
        return get("/api/audit/incidents/" + caseId, "auditor-on-duty");
    }

    /** As auditor {@code auditor} (the token's subject, which the query log records). */
    private HttpResponse<String> get(String path, String auditor) throws IOException, InterruptedException {
        return getWith(path, TestTokens.bearer(auditor, "auditor", Map.of()));
    }

    private HttpResponse<String> getWith(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", TestTokens.bearer("inspector", "auditor", Map.of()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
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
                .setLocation(Location.newBuilder().setLatitude(43.88).setLongitude(125.32).setStreetCode("NG-S01")
                        .build())
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
