package org.civicdispatch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdispatch.intake.IntakeTestSupport.caseIdOf;
import static org.civicdispatch.testkit.KafkaTestClient.anyWithKey;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.civicdispatch.contract.DeadLetterHeaders;
import org.civicdispatch.events.CaseClosed;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.Channel;
import org.civicdispatch.events.Closure;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.IncidentSubmission;
import org.civicdispatch.events.Location;
import org.civicdispatch.events.Tier;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.TestInfrastructure;
import org.civicdispatch.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Intake over real HTTP and a real broker: what a hotline desk, an app and a channel system see. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeServiceIntegrationTest {

    private static final KafkaTestClient kafka = TestInfrastructure.kafka();
    private static final AvroCodec codec = TestInfrastructure.codec();

    @LocalServerPort
    int port;



    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, "intake_test");
    }

    @Test
    void shouldAcceptAComplaintOnlyOnceItIsInTheEventLog() throws Exception {
        HttpResponse<String> response = post("application/json", """
                {"channel":"HOTLINE_12345","category":"sanitation.garbage-overflow",
                 "description":"垃圾桶满了，三号门","location":%s,
                 "reporter":{"name":"李伟","phone":"+86 138 0000 0000"}}""".formatted(IntakeTestSupport.inside(3)));

        assertThat(response.statusCode()).isEqualTo(202);
        String caseId = caseIdOf(response);
        List<ConsumerRecord<String, byte[]>> reports = kafka.readUntil("incident-reports", anyWithKey(caseId),
                Duration.ofSeconds(30));
        IncidentReported event = reports.stream().filter(r -> r.key().equals(caseId))
                .map(r -> codec.decode(r.value(), IncidentReported.class).value()).findFirst().orElseThrow();
        assertThat(event.getDescription()).isEqualTo("垃圾桶满了，三号门");
        assertThat(event.getReporter().getName()).isEqualTo("李伟");
    }

    @Test
    void shouldCarryTheCallersTraceIntoTheEventLogAndKeepContactDataOutOfTheLogs() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        HttpResponse<String> response;
        try {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/incidents"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", TestTokens.intakeClient())
                    .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                    .POST(HttpRequest.BodyPublishers.ofString("""
                            {"channel":"HOTLINE_12345","category":"sanitation.garbage-overflow",
                             "description":"垃圾又满了","location":%s,
                             "reporter":{"name":"赵敏","phone":"+86 139 1234 5678","email":"zhao.min@example.cn"}}"""
                            .formatted(IntakeTestSupport.inside(9)), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            root.detachAppender(logs);
        }

        String caseId = caseIdOf(response);
        ConsumerRecord<String, byte[]> report = kafka.readUntil("incident-reports", anyWithKey(caseId),
                Duration.ofSeconds(30)).stream().filter(r -> r.key().equals(caseId)).findFirst().orElseThrow();
        assertThat(new String(report.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII))
                .startsWith("00-" + traceId + "-");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .noneMatch(m -> m.contains("1234 5678") || m.contains("zhao.min") || m.contains("赵敏"));
    }

    @Test
    void shouldCarryASubmissionsTraceIntoItsCase() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        kafka.send("incident-submissions", "GRID_PATROL:patrol-traced", codec.encode("incident-submissions-value",
                submission("patrol-traced", "municipal.road-damage")),
                Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"));

        ConsumerRecord<String, byte[]> report = kafka.readUntil("incident-reports",
                        records -> records.stream().anyMatch(r -> isFrom(r, "patrol-traced")), Duration.ofSeconds(60))
                .stream().filter(r -> isFrom(r, "patrol-traced")).findFirst().orElseThrow();
        assertThat(new String(report.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII))
                .startsWith("00-" + traceId + "-");
    }

    @Test
    void shouldAnswerInvalidReportsWithFieldErrorsAsProblemJson() throws Exception {
        HttpResponse<String> response = post("application/json", """
                {"channel":"FAX","category":"sanitation","description":"","location":{"latitude":200}}""");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(response.body()).contains("\"field\":\"channel\"", "\"field\":\"description\"",
                "\"field\":\"location.latitude\"", "\"field\":\"location.longitude\"");
    }

    @Test
    void shouldRefuseBodiesThatAreNotJsonTooLargeOrOfTheWrongType() throws Exception {
        assertProblem(post("application/json", "{\"channel\": \"HOTLINE_12345\", "), 400);
        assertProblem(post("application/json", "[1,2,3]"), 400);
        assertProblem(post("text/plain", "garbage bins are full"), 415);
        assertProblem(post("application/json", "{\"description\":\"" + "x".repeat(70_000) + "\"}"), 413);
        HttpResponse<String> overflow = post("application/json", """
                {"channel":"MOBILE_APP","category":"sanitation","description":"d",
                 "location":{"latitude":1e999999999,"longitude":125.3}}""");
        assertProblem(overflow, 422);
        assertThat(overflow.body()).contains("\"field\":\"location.latitude\"");
    }

    @Test
    void shouldTurnAValidSubmissionIntoACaseAndDeadLetterBadOnesWithTheReason() throws Exception {
        // Good submissions before and after the bad ones in the same poll each become one case.
        kafka.send("incident-submissions", "GRID_PATROL:patrol-2026-0000", codec.encode("incident-submissions-value",
                submission("patrol-2026-0000", "municipal.road-damage")));
        kafka.send("incident-submissions", "bad-1", "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        kafka.send("incident-submissions", "GRID_PATROL:bad-2", codec.encode("incident-submissions-value",
                submission("bad-2", "Not A Category")));
        kafka.send("incident-submissions", "GRID_PATROL:bad-3", invalidUtf8Description());
        IncidentSubmission good = submission("patrol-2026-0001", "municipal.road-damage");
        kafka.send("incident-submissions", "GRID_PATROL:patrol-2026-0001",
                codec.encode("incident-submissions-value", good));

        List<ConsumerRecord<String, byte[]>> dead = kafka.readUntil("intake-dlq",
                anyWithKey("bad-1", "GRID_PATROL:bad-2", "GRID_PATROL:bad-3"), Duration.ofSeconds(60));
        assertThat(dead).filteredOn(r -> r.key().equals("bad-1")).singleElement().satisfies(r ->
                assertThat(KafkaTestClient.header(r, DeadLetterHeaders.REASON)).contains("magic byte"));
        assertThat(dead).filteredOn(r -> r.key().equals("GRID_PATROL:bad-2")).singleElement().satisfies(r ->
                assertThat(KafkaTestClient.header(r, DeadLetterHeaders.REASON))
                        .contains("invalid submission", "category"));
        assertThat(dead).filteredOn(r -> r.key().equals("GRID_PATROL:bad-3")).singleElement().satisfies(r ->
                assertThat(KafkaTestClient.header(r, DeadLetterHeaders.REASON)).contains("invalid UTF-8"));
        List<ConsumerRecord<String, byte[]>> reports = kafka.readUntil("incident-reports",
                records -> records.stream().anyMatch(r -> isFrom(r, "patrol-2026-0001"))
                        && records.stream().anyMatch(r -> isFrom(r, "patrol-2026-0000")), Duration.ofSeconds(60));
        assertThat(reports).filteredOn(r -> isFrom(r, "patrol-2026-0001")).hasSize(1);
        assertThat(reports).filteredOn(r -> isFrom(r, "patrol-2026-0000")).hasSize(1);
        HttpResponse<String> scrape = IntakeTestSupport.get(port, "/actuator/prometheus");
        assertThat(scrape.body()).contains(
                "civic_dead_letters_total{original_topic=\"incident-submissions\",service=\"intake\"");
    }

    @Test
    void shouldReturnTheSameCaseWhenAReportIsResentWithTheSameIdempotencyKey() throws Exception {
        String body = """
                {"channel":"MOBILE_APP","category":"municipal.streetlight-out","description":"灯不亮",
                 "location":%s}""".formatted(IntakeTestSupport.inside(11));
        HttpResponse<String> first = post("application/json", body, "app-7f3a-0001");
        HttpResponse<String> again = post("application/json", body, "app-7f3a-0001");
        HttpResponse<String> other = post("application/json", body.replace("灯不亮", "另一件事"), "app-7f3a-0001");

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(again.statusCode()).isEqualTo(202);
        assertThat(caseIdOf(again)).isEqualTo(caseIdOf(first));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("idempotency-key-reused", caseIdOf(first));
        List<ConsumerRecord<String, byte[]>> reports = kafka.readUntil("incident-reports",
                anyWithKey(caseIdOf(first)), Duration.ofSeconds(30));
        assertThat(reports).filteredOn(r -> r.key().equals(caseIdOf(first))).hasSize(1);
    }

    @Test
    void shouldLinkANearbyReportOfTheSameMatterAsASuspectedDuplicate() throws Exception {
        String body = """
                {"channel":"HOTLINE_12345","category":"municipal.manhole-cover","description":"%s",
                 "location":%s}""";
        String first = caseIdOf(post("application/json", body.formatted("井盖缺失", IntakeTestSupport.inside(20)),
                null));
        HttpResponse<String> second = post("application/json",
                body.formatted("又一个人报井盖缺失", IntakeTestSupport.inside(20)), null);
        HttpResponse<String> elsewhere = post("application/json",
                body.formatted("别处的井盖", IntakeTestSupport.inside(300)), null);

        assertThat(second.body()).contains("\"suspectedDuplicateOf\":\"" + first + "\"");
        assertThat(caseIdOf(second)).isNotEqualTo(first);
        assertThat(elsewhere.body()).doesNotContain("suspectedDuplicateOf");
        String secondId = caseIdOf(second);
        List<ConsumerRecord<String, byte[]>> reports = kafka.readUntil("incident-reports", anyWithKey(secondId),
                Duration.ofSeconds(30));
        assertThat(reports).filteredOn(r -> r.key().equals(secondId)).singleElement()
                .extracting(r -> codec.decode(r.value(), IncidentReported.class).value().getSuspectedDuplicateOf())
                .isEqualTo(first);
    }


    @Test
    void shouldShowTheCaseStreamInStatusLookups() throws Exception {
        String caseId = caseIdOf(post("application/json", """
                {"channel":"MOBILE_APP","category":"municipal.road-damage","description":"坑","location":%s,
                 "mediaUrl":"https://photos.example.org/pothole.jpg"}""".formatted(IntakeTestSupport.inside(30))));
        Instant at = Instant.now();
        kafka.send("case-events", caseId, codec.encode("case-events-value", CaseEvent.newBuilder()
                .setEventId(caseId + "/dispatched").setCaseId(caseId).setOccurredAt(at)
                .setPayload(IncidentDispatched.newBuilder().setMatterCode("municipal.road-damage")
                        .setTier(Tier.STREET).setLeadDepartment("municipal-works").setCatalogVersion("t")
                        .setRoutingReason("test").build()).build()));
        kafka.send("case-events", caseId, codec.encode("case-events-value", CaseEvent.newBuilder()
                .setEventId(caseId + "/9").setCaseId(caseId).setOccurredAt(at.plusSeconds(60))
                .setPayload(CaseClosed.newBuilder().setClosure(Closure.RATED).build()).build()));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> lookup = IntakeTestSupport.get(port, "/open311/v2/requests/" + caseId + ".json");
            assertThat(lookup.body()).contains("\"status\":\"closed\"", "\"agency_responsible\":\"市政工程管理处\"",
                    "\"media_url\":\"https://photos.example.org/pothole.jpg\"");
        });
    }

    private static boolean isFrom(ConsumerRecord<String, byte[]> record, String externalId) {
        return externalId.equals(codec.decode(record.value(), IncidentReported.class).value().getExternalId());
    }

    /** A well-framed submission whose description bytes are not UTF-8 (0xC3 0x28). */
    private static byte[] invalidUtf8Description() {
        byte[] bytes = codec.encode("incident-submissions-value", submission("bad-3", "sanitation"));
        byte[] marker = "pothole".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + marker.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + 2, marker, 0, 2)) {
                bytes[i] = (byte) 0xC3;
                bytes[i + 1] = (byte) 0x28;
                return bytes;
            }
        }
        throw new IllegalStateException("description not found in the encoded submission");
    }

    private static IncidentSubmission submission(String externalId, String category) {
        return IncidentSubmission.newBuilder()
                .setExternalId(externalId)
                .setChannel(Channel.GRID_PATROL)
                .setCategory(category)
                .setDescription("pothole by the school gate")
                .setLocation(Location.newBuilder().setGridCode(IntakeTestSupport.gridCode(7)).build())
                .setReportedAt(Instant.now().minusSeconds(60))
                .build();
    }

    private HttpResponse<String> post(String contentType, String body) throws Exception {
        return post(contentType, body, null);
    }

    private HttpResponse<String> post(String contentType, String body, String idempotencyKey) throws Exception {
        return IntakeTestSupport.post(port, contentType, body, idempotencyKey);
    }

    private static void assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("content type of " + response.body()).isPresent();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    }
}
