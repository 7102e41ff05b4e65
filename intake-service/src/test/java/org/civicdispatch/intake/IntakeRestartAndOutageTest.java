package org.civicdispatch.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicdispatch.intake.IntakeTestSupport.caseIdOf;
import static org.civicdispatch.testkit.KafkaTestClient.anyWithKey;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.civicdispatch.devinfra.EmbeddedBroker;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestInfrastructure;
import org.civicdispatch.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Intake as an operator sees it across a restart, and while the event log is down. */
class IntakeRestartAndOutageTest {

    private static final String REPORT = """
            {"channel":"MOBILE_APP","category":"greening.fallen-tree","description":"树倒了","location":%s}""";

    @Test
    void shouldReturnTheSameCaseForAResentReportAfterARestart() throws Exception {
        PostgresEndpoint db = TestInfrastructure.postgres("intake_restart");
        String body = REPORT.formatted(IntakeTestSupport.inside(5));
        String first;
        try (ConfigurableApplicationContext intake = start(TestInfrastructure.kafkaBootstrapServers(), db)) {
            first = caseIdOf(IntakeTestSupport.post(port(intake), "application/json", body, "restart-key-1"));
        }
        try (ConfigurableApplicationContext intake = start(TestInfrastructure.kafkaBootstrapServers(), db)) {
            HttpResponse<String> again = IntakeTestSupport.post(port(intake), "application/json", body,
                    "restart-key-1");

            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(caseIdOf(again)).isEqualTo(first);
            assertThat(again.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        }
    }

    @Test
    void shouldAnswer503WithRetryAfterWhileTheEventLogIsDownAndKeepWhatWasAccepted() throws Exception {
        EmbeddedBroker eventLog = EmbeddedBroker.start();
        PostgresEndpoint db = TestInfrastructure.postgres("intake_outage");
        try (ConfigurableApplicationContext intake = start(eventLog.bootstrapServers(), db)) {
            int port = port(intake);
            HttpResponse<String> before = IntakeTestSupport.post(port, "application/json",
                    REPORT.formatted(IntakeTestSupport.inside(8)), null);
            assertThat(before.statusCode()).isEqualTo(202);
            try (KafkaTestClient kafka = new KafkaTestClient(eventLog.bootstrapServers())) {
                assertThat(kafka.readUntil("incident-reports", anyWithKey(caseIdOf(before)), Duration.ofSeconds(30)))
                        .isNotEmpty();
            }

            eventLog.close();

            for (int i = 0; i < 3; i++) {
                HttpResponse<String> during = IntakeTestSupport.post(port, "application/json",
                        REPORT.formatted(IntakeTestSupport.inside(9 + i)), null);
                assertThat(during.statusCode()).isEqualTo(503);
                assertThat(during.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(during.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
            }
            HttpResponse<String> breakerOpen = IntakeTestSupport.post(port, "application/json",
                    REPORT.formatted(IntakeTestSupport.inside(12)), null);
            assertThat(breakerOpen.statusCode()).isEqualTo(503);
            assertThat(breakerOpen.body()).contains("circuit open");
        } finally {
            eventLog.close();
        }
    }

    private static ConfigurableApplicationContext start(String kafka, PostgresEndpoint db) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + kafka,
                "--civic.schema-registry-url=" + TestInfrastructure.schemaRegistryUrl(),
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password()));
        args.addAll(TestTokens.arguments());
        return new SpringApplicationBuilder(IntakeApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

}
