package org.civicdispatch.audit.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.civicdispatch.audit.AuditApplication;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.chain.VerificationReport;
import org.civicdispatch.audit.integrity.VerifyingTheLog;
import org.civicdispatch.testkit.KafkaTestClient;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestInfrastructure;
import org.civicdispatch.testkit.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The service stopped in the middle of a batch, its offset commits lost as in a crash, and started again: every
 * record is redelivered, none is appended twice, and the chain still verifies.
 */
class ExactlyOnceAcrossRestartTest {

    private static final String TOPIC = "department-tasks-restart-test";
    private static final String GROUP = "audit-restart-test";
    private static final int RECORDS = 300;

    @TempDir
    Path keyDir;

    @Test
    void shouldAppendEachRecordOnceAndKeepTheChainWhenRestartedMidBatch() throws Exception {
        KafkaTestClient kafka = TestInfrastructure.kafka().createTopics(3, TOPIC);
        for (int i = 0; i < RECORDS; i++) {
            kafka.send(TOPIC, "C-RESTART-" + (i % 50), ("task " + i).getBytes(StandardCharsets.UTF_8));
        }
        PostgresEndpoint db = TestInfrastructure.postgres("audit_restart_test");
        JdbcClient jdbc = JdbcClient.create(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password()));

        try (ConfigurableApplicationContext first = start(db)) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> appended(jdbc) >= 20);
        }
        long beforeRestart = appended(jdbc);
        assertThat(beforeRestart).as("stopped mid-batch").isBetween(20L, RECORDS - 1L);
        rewindCommittedOffsets();

        try (ConfigurableApplicationContext second = start(db)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> appended(jdbc) >= RECORDS);
            Thread.sleep(1_000); // time for any duplicate to show up
            VerificationReport report = second.getBean(VerifyingTheLog.class).verify(Caller.auditor("test"));

            assertThat(report.ok()).as(String.valueOf(report.firstBroken())).isTrue();
        }
        assertThat(jdbc.sql("SELECT count(*), count(DISTINCT (kafka_partition, kafka_offset)) FROM audit_event "
                        + "WHERE topic = :topic").param("topic", TOPIC)
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2))).single())
                .containsExactly((long) RECORDS, (long) RECORDS);
        assertThat(jdbc.sql("SELECT count(*) = max(chain_seq) FROM audit_event").query(Boolean.class).single())
                .as("chain sequence without gaps").isTrue();
    }

    private ConfigurableApplicationContext start(PostgresEndpoint db) throws Exception {
        Files.createDirectories(keyDir);
        // As arguments: they win over application.yml, where default properties would not.
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--civic.service=" + GROUP,
                "--civic.audit.listener-concurrency=3",
                // Small polls, so the stop falls between the batches' transactions (each is all or nothing).
                "--civic.audit.max-batch=10",
                "--civic.audit.checkpoint-interval=PT1H",
                "--civic.audit.signing.key-file=" + keyDir.resolve("key.pem"),
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--civic.schema-registry-url=" + TestInfrastructure.schemaRegistryUrl(),
                "--spring.datasource.url=" + db.jdbcUrl(),
                "--spring.datasource.username=" + db.username(),
                "--spring.datasource.password=" + db.password()));
        args.addAll(TestTokens.arguments());
        return new SpringApplicationBuilder(AuditApplication.class).run(args.toArray(String[]::new));
    }

    private static long appended(JdbcClient jdbc) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE topic = :topic").param("topic", TOPIC)
                .query(Long.class).single();
    }

    /** As if the crash came before any offset commit: the restarted service gets every record again. */
    private static void rewindCommittedOffsets() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
            for (int partition = 0; partition < 3; partition++) {
                start.put(new TopicPartition(TOPIC, partition), new OffsetAndMetadata(0));
            }
            admin.alterConsumerGroupOffsets(GROUP, start).all().get(30, TimeUnit.SECONDS);
        }
    }
}
