package org.civicdispatch.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.civicdispatch.audit.AuditTestDatabase;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.chain.SigningKeys;
import org.civicdispatch.audit.chain.VerificationReport;
import org.civicdispatch.audit.domain.AuditEntry;
import org.civicdispatch.audit.integrity.VerifyingTheLog;
import org.civicdispatch.testkit.PostgresEndpoint;
import org.civicdispatch.testkit.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The audit table and its chain on a real PostgreSQL, migrated by the service's own Flyway scripts. */
class AuditLogTest {

    private static final Instant AT = AuditTestDatabase.AT;
    private static final KeyPair KEY = SigningKeys.generate();

    private static AuditTestDatabase db;
    private static JdbcClient jdbc;
    private static AuditLog log;

    @BeforeAll
    static void migrate() {
        db = AuditTestDatabase.fresh("audit_store_test");
        jdbc = db.jdbc();
        log = db.log();
    }

    @Test
    void shouldAppendARedeliveredRecordOnlyOnceAndLeaveTheChainAsItWas() {
        AuditEntry entry = entry("C-TWICE", 41, AT, "{\"n\":1}");

        boolean first = log.append(entry);
        long headAfterFirst = new ChainRows(jdbc).head().lastSeq();
        boolean second = log.append(entry);

        assertThat(first).isTrue();
        assertThat(second).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE topic = 'case-events' AND kafka_offset = 41")
                .query(Long.class).single()).isEqualTo(1L);
        assertThat(new ChainRows(jdbc).head().lastSeq()).isEqualTo(headAfterFirst);
        assertThat(verify(db).ok()).isTrue();
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

    @Test
    void shouldServeACaseAsItStoodAtAMoment() {
        log.append(entry("C-ASOF", 20, AT, "{\"step\":1}"));
        log.append(entry("C-ASOF", 21, AT.plusSeconds(60), "{\"step\":2}"));

        assertThat(log.timelineOf("C-ASOF", AT.plusSeconds(59))).extracting(RecordedEvent::offset).containsExactly(20L);
        assertThat(log.timelineOf("C-ASOF", AT.plusSeconds(60))).extracting(RecordedEvent::offset)
                .containsExactly(20L, 21L);
        assertThat(log.timelineOf("C-ASOF", AT.minusSeconds(1))).isEmpty();
        assertThat(log.knows("C-ASOF")).isTrue();
    }

    @Test
    void shouldKeepOneUnbrokenChainUnderConcurrentAppendsAndRedeliveries() throws Exception {
        AuditTestDatabase concurrent = AuditTestDatabase.fresh("audit_concurrent_test");
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<Boolean>> appends = new ArrayList<>();
        for (int thread = 0; thread < 6; thread++) {
            for (long offset = 0; offset < 40; offset++) {
                // Threads pairwise append the same records, as after a rebalance.
                AuditEntry entry = new AuditEntry("case-events", thread / 2, offset, "C-" + offset, "C-" + offset,
                        "test.Step", 3, new byte[] {0, 0, 0, 0, 3}, "{}", "{\"n\":" + offset + "}", null, AT);
                appends.add(threads.submit(() -> concurrent.log().append(entry)));
            }
        }
        long appended = 0;
        for (Future<Boolean> append : appends) {
            appended += append.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        threads.shutdown();

        assertThat(appended).isEqualTo(120);
        assertThat(concurrent.jdbc().sql("SELECT count(*), min(chain_seq), max(chain_seq) FROM audit_event")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single())
                .containsExactly(120L, 1L, 120L);
        assertThat(verify(concurrent).ok()).isTrue();
    }

    @Test
    void shouldRefuseToUpdateDeleteOrTruncateTheRecord() {
        log.append(entry("C-KEEP", 30, AT, "{\"n\":1}"));

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET payload = '{}' WHERE case_id = 'C-KEEP'").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event WHERE case_id = 'C-KEEP'").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_checkpoint").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_query_log").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("append-only");
        assertThat(log.knows("C-KEEP")).isTrue();
    }

    @Test
    void shouldChainTheRowsAppendedBeforeTheChainExisted() {
        PostgresEndpoint endpoint = TestInfrastructure.postgres("audit_legacy_test");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(endpoint.jdbcUrl(), endpoint.username(),
                endpoint.password());
        Flyway.configure().dataSource(dataSource).target("1").load().migrate();
        JdbcClient legacy = JdbcClient.create(dataSource);
        for (int offset = 0; offset < 3; offset++) {
            legacy.sql("""
                            INSERT INTO audit_event (topic, kafka_partition, kafka_offset, record_key, case_id, raw,
                                                     headers, payload, record_timestamp)
                            VALUES ('case-events', 0, :offset, 'C-OLD', 'C-OLD', '\\x0000000003'::bytea,
                                    '{"b": "2", "a": "1"}', '{"old": true}', now())""")
                    .param("offset", offset).update();
        }

        AuditSchema.migrate(dataSource);

        assertThat(legacy.sql("SELECT chain_seq FROM audit_event ORDER BY id").query(Long.class).list())
                .containsExactly(1L, 2L, 3L);
        assertThat(new VerifyingTheLog(new ChainRows(legacy), new Checkpoints(legacy),
                new QueryLog(legacy, java.time.Clock.systemUTC()), KEY.getPublic(),
                new DataSourceTransactionManager(dataSource)).verify(Caller.auditor("test")).ok()).isTrue();
    }

    private static VerificationReport verify(AuditTestDatabase database) {
        return new VerifyingTheLog(new ChainRows(database.jdbc()), new Checkpoints(database.jdbc()),
                new QueryLog(database.jdbc(), java.time.Clock.systemUTC()), KEY.getPublic(), database.transactions())
                .verify(Caller.auditor("test"));
    }

    private static AuditEntry entry(String caseId, long offset, Instant at, String payload) {
        return new AuditEntry("case-events", 0, offset, caseId, caseId, payload == null ? null : "test.Step",
                payload == null ? null : 3, payload == null ? null : new byte[] {0, 0, 0, 0, 3},
                "{\"trace\":\"t\"}", payload, null, at);
    }
}
