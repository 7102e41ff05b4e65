package org.civicdispatch.intake.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.civicdispatch.devinfra.DevTokenIssuer;
import org.civicdispatch.intake.IntakeTestSupport;
import org.civicdispatch.testkit.TestHttp;
import org.civicdispatch.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Who may post a complaint: channel systems and operators with a valid token, nobody else. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IntakeSecurityTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        IntakeTestSupport.infrastructure(registry, "intake_security");
    }

    @Test
    void shouldAcceptComplaintsFromChannelSystemsAndOperators() throws Exception {
        assertThat(post(TestTokens.intakeClient()).statusCode()).isEqualTo(202);
        assertThat(post(TestTokens.operator("NG-S01")).statusCode()).isEqualTo(202);
    }

    @Test
    void shouldRefuseOtherRolesWithForbiddenProblems() throws Exception {
        for (String token : List.of(TestTokens.auditor(), TestTokens.department("sanitation"),
                TestTokens.bearer("someone", "auditor-pii", Map.of()))) {
            HttpResponse<String> refused = post(token);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
        }
    }

    @Test
    void shouldRefuseMissingForgedAndMalformedTokensAsUnauthorized() throws Exception {
        try (DevTokenIssuer impostor = DevTokenIssuer.start(0)) {
            String forged = "Bearer " + impostor.token("hotline-system", Map.of("roles", List.of("intake-client")));
            for (String token : new String[] {null, forged, "Bearer not.a.jwt", "Basic dXNlcjpwYXNz"}) {
                HttpResponse<String> refused = post(token);
                assertThat(refused.statusCode()).as(String.valueOf(token)).isEqualTo(401);
                assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                        v -> assertThat(v).startsWith("application/problem+json"));
            }
        }
    }

    @Test
    void shouldKeepOpen311DiscoveryPublicAndEverythingUnlistedClosed() throws Exception {
        assertThat(get("/open311/v2/services.json", null).statusCode()).isEqualTo(200);
        HttpResponse<String> openApi = get("/v3/api-docs", null);
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("\"openapi\"", "/api/incidents", "/open311/v2/requests.{format}");
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env", TestTokens.districtOperator()).statusCode()).isEqualTo(403);
        assertThat(get("/api/incidents", TestTokens.intakeClient()).statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> post(String authorization) throws Exception {
        return TestHttp.post(port, "/api/incidents", authorization, """
                {"channel":"HOTLINE_12345","category":"sanitation.garbage-overflow",
                 "description":"垃圾桶满了","location":%s}""".formatted(IntakeTestSupport.inside(5)));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return TestHttp.get(port, path, authorization);
    }
}
