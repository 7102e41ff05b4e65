package org.civicdispatch.dispatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.civicdispatch.dispatch.routing.Fixtures;
import org.civicdispatch.events.Urgency;
import org.civicdispatch.registry.wire.AvroCodec;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.TestInfrastructure;
import org.civicdispatch.testkit.TestHttp;
import org.civicdispatch.testkit.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Each role reaches only what it should: operators their streets' cases and queues, departments their own queue and
 * cases, auditors read cases, intake clients nothing here; and no token, nothing at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class DispatchSecurityTest {

    private static final KafkaTestClient kafka = TestInfrastructure.kafka();
    private static final AvroCodec codec = TestInfrastructure.codec();
    private static final String CASE = "C-SEC-1"; // garbage overflow in street NG-S01, for sanitation

    @LocalServerPort
    int port;

    @TempDir
    static Path stateDir;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.kafkaAndRegistry(registry);
        TestTokens.register(registry);
        registry.add("civic.state-dir", () -> stateDir.toString());
        registry.add("civic.streams.application-id", () -> "dispatch-security-test");
    }

    @BeforeAll
    static void reportACase() {
        kafka.createTopics(3, "incident-reports");
        kafka.send("incident-reports", CASE, codec.encode("incident-reports-value",
                Fixtures.report(CASE, "sanitation.garbage-overflow", Urgency.ROUTINE)));
    }

    @Test
    void shouldShowACaseToItsStreetsOperatorsItsDepartmentAndAuditorsOnly() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("/api/cases/" + CASE, TestTokens.operator("NG-S01")).statusCode()).isEqualTo(200));
        assertThat(get("/api/cases/" + CASE, TestTokens.districtOperator()).statusCode()).isEqualTo(200);
        assertThat(get("/api/cases/" + CASE, TestTokens.department("sanitation")).statusCode()).isEqualTo(200);
        assertThat(get("/api/cases/" + CASE, TestTokens.auditor()).statusCode()).isEqualTo(200);

        assertThat(get("/api/cases/" + CASE, TestTokens.operator("NG-S02")).statusCode()).isEqualTo(403);
        assertThat(get("/api/cases/" + CASE, TestTokens.department("water-utility")).statusCode()).isEqualTo(403);
        assertThat(get("/api/cases/" + CASE, TestTokens.intakeClient()).statusCode()).isEqualTo(403);
        assertThat(get("/api/cases/" + CASE, null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldLetOnlyTheCasesOwnStreetOperatorsDecide() throws Exception {
        String pause = "{\"reason\":\"waiting for the citizen's photo\"}";
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(post("/api/cases/" + CASE + "/pause", TestTokens.operator("NG-S02"), pause).statusCode())
                        .isEqualTo(403));
        assertThat(post("/api/cases/" + CASE + "/pause", TestTokens.department("sanitation"), pause).statusCode())
                .isEqualTo(403);
        assertThat(post("/api/cases/" + CASE + "/pause", TestTokens.auditor(), pause).statusCode()).isEqualTo(403);
        assertThat(post("/api/cases/" + CASE + "/pause", null, pause).statusCode()).isEqualTo(401);
        assertThat(post("/api/cases/C-NO-SUCH/pause", TestTokens.districtOperator(), pause).statusCode())
                .isEqualTo(404);
        HttpResponse<String> allowed = post("/api/cases/" + CASE + "/pause", TestTokens.operator("NG-S01"), pause);
        assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(202);
    }

    @Test
    void shouldScopeQueuesToTheCallersStreetsOrDepartment() throws Exception {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                get("/api/queues", TestTokens.operator("NG-S01")).body()).contains(CASE));
        assertThat(get("/api/queues", TestTokens.operator("NG-S02")).body()).doesNotContain(CASE);
        assertThat(get("/api/queues?street=NG-S01", TestTokens.operator("NG-S02")).statusCode()).isEqualTo(403);
        assertThat(get("/api/queues", TestTokens.department("sanitation")).body()).contains(CASE);
        assertThat(get("/api/queues", TestTokens.department("water-utility")).body()).doesNotContain(CASE);
        assertThat(get("/api/queues?department=sanitation", TestTokens.department("water-utility")).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/queues", TestTokens.auditor()).statusCode()).isEqualTo(403);
        assertThat(get("/api/queues", null).statusCode()).isEqualTo(401);
    }

    @Test
    void shouldLetOnlyADistrictWideOperatorReloadTheCatalog() throws Exception {
        assertThat(get("/api/dispatch/catalog", TestTokens.department("sanitation")).statusCode()).isEqualTo(200);
        assertThat(post("/api/dispatch/catalog/reload", TestTokens.operator("NG-S01"), "").statusCode())
                .isEqualTo(403);
        assertThat(post("/api/dispatch/catalog/reload", TestTokens.districtOperator(), "").statusCode())
                .isEqualTo(200);
        assertThat(get("/actuator/env", TestTokens.districtOperator()).statusCode()).isEqualTo(403);
        HttpResponse<String> openApi = get("/v3/api-docs", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("/api/queues", "/api/cases/{caseId}/escalation");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return TestHttp.get(port, path, authorization);
    }

    private HttpResponse<String> post(String path, String authorization, String json) throws Exception {
        return TestHttp.post(port, path, authorization, json);
    }
}
