package org.civicdispatch.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import org.civicdispatch.audit.domain.AuditEntry;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The audit table on a real PostgreSQL, migrated by the service's own Flyway scripts. */
class AuditLogTest {

    private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");

    private static JdbcClient jdbc;
    private static AuditLog log;

    @BeforeAll
    static void migrate() {
        PostgresEndpoint db = TestInfrastructure.postgres("audit_store_test");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        log = new AuditLog(jdbc);
    }

    @Test
    void shouldAppendARedeliveredRecordOnlyOnce() {
        AuditEntry entry = entry("C-TWICE", 41, AT, "{\"n\":1}");

        boolean first = log.append(entry);
        boolean second = log.append(entry);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE topic = 'case-events' AND kafka_offset = 41")
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void shouldServeACaseInRecordOrderWithPayloadAsJson() {
        log.append(entry("C-ORDER", 11, AT.plusSeconds(5), "{\"step\":2}"));
        log.append(entry("C-ORDER", 10, AT, "{\"step\":1}"));
        log.append(entry("C-ORDER", 12, null, null));

        assertThat(log.timelineOf("C-ORDER"))
                .extracting(RecordedEvent::offset, RecordedEvent::recordedAt, RecordedEvent::payloadJson)
                .containsExactly(
                        tuple(10L, AT, "{\"step\": 1}"),
                        tuple(11L, AT.plusSeconds(5), "{\"step\": 2}"),
                        tuple(12L, null, null));
    }

    private static AuditEntry entry(String caseId, long offset, Instant at, String payload) {
        return new AuditEntry("case-events", 0, offset, caseId, caseId, payload == null ? null : "test.Step",
                payload == null ? null : 3, payload == null ? null : new byte[] {0, 0, 0, 0, 3},
                "{\"trace\":\"t\"}", payload, null, at);
    }
}
