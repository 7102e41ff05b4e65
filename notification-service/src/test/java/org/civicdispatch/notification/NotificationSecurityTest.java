package org.civicdispatch.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.List;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.notification.directory.CitizenPreferences;
import org.civicdispatch.notification.directory.Contact;
import org.civicdispatch.testkit.TestHttp;
import org.civicdispatch.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Notification serves its health and the citizens' preference desk over HTTP; every other path is refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class NotificationSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    CitizenPreferences preferences;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        NotificationTestSupport.register(registry, "notification_security");
        TestTokens.register(registry);
        registry.add("spring.kafka.listener.auto-startup", () -> "false");
    }

    @Test
    void shouldAnswerHealthToAnyoneAndRefuseEverythingElse() throws Exception {
        assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/env", TestTokens.districtOperator()).statusCode()).isEqualTo(403);
        HttpResponse<String> anything = get("/api/notifications", TestTokens.auditor());
        assertThat(anything.statusCode()).isEqualTo(403);
        assertThat(anything.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
    }

    @Test
    void shouldRecordACitizensWishFromTheHotlineOrAnAppAndRefuseNonsense() throws Exception {
        String wish = "{\"phone\":\"+86 135 0000 2222\",\"channels\":[\"SMS\"],"
                + "\"quietHours\":{\"from\":\"21:00\",\"to\":\"08:00\"}}";
        assertThat(put(wish, TestTokens.operator("NG-S01")).statusCode()).isEqualTo(204);
        assertThat(put(wish, TestTokens.intakeClient()).statusCode()).isEqualTo(204);
        assertThat(preferences.of(new Contact(List.of("+8613500002222"), List.of(), null))).hasValueSatisfying(p -> {
            assertThat(p.channels()).containsExactly(NotificationChannel.SMS);
            assertThat(p.quietHours().start()).isEqualTo(LocalTime.of(21, 0));
        });

        assertThat(put(wish, TestTokens.auditor()).statusCode()).isEqualTo(403);
        assertThat(put(wish, TestTokens.department("sanitation")).statusCode()).isEqualTo(403);
        assertThat(put(wish, null).statusCode()).isEqualTo(401);
        for (String bad : List.of("{\"channels\":[\"SMS\"]}",
                "{\"phone\":\"call me\",\"channels\":[]}",
                "{\"email\":\"a@b.cn\",\"channels\":[\"WEBHOOK\"]}",
                "{\"email\":\"a@b.cn\",\"channels\":[],\"quietHours\":{\"from\":\"25:00\",\"to\":\"x\"}}")) {
            HttpResponse<String> refused = put(bad, TestTokens.operator("NG-S01"));
            assertThat(refused.statusCode()).as(bad).isEqualTo(422);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    v -> assertThat(v).startsWith("application/problem+json"));
        }
    }

    private HttpResponse<String> put(String json, String authorization) throws Exception {
        return TestHttp.put(port, "/api/preferences/citizen", authorization, json);
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return TestHttp.get(port, path, authorization);
    }
}
