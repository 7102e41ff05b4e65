package org.civicdispatch.audit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
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
    void shouldAppendABatchWithRedeliveredRecordsExactlyOnceAndInChainOrder() {
        AuditTestDatabase batchDb = AuditTestDatabase.fresh("audit_batch_test");
        AuditLog batchLog = batchDb.log();
        batchLog.append(batchEntry(0, "{\"n\":0}"));
        batchLog.append(batchEntry(1, "{\"n\":1}"));
        // Text that array literals and JSON must both carry through: quotes, backslashes, braces, commas, Chinese.
        String awkward = "{\"text\":\"垃圾 \\\"满溢\\\", {a,b} \\\\ NULL\",\"z\":1,  \"a\": [1, 2]}";
        AuditEntry tombstone = new AuditEntry("department-tasks-batch", 0, 4, "C-B", "C-B", null, null, null,
                "{\"z\":\"1\",  \"a\":\"x\\\"y\"}", null, null, AT);
        // A key spelled like an array literal's NULL must stay a string.
        AuditEntry unreadable = new AuditEntry("department-tasks-batch", 0, 5, "NULL", null, null, null,
                new byte[] {9, 9}, "{}", null, "bad magic byte", null);

        int appended = batchLog.appendAll(List.of(batchEntry(1, "{\"n\":1}"), batchEntry(2, awkward),
                batchEntry(3, "{\"n\":3}"), batchEntry(2, awkward), batchEntry(0, "{\"n\":0}"), tombstone,
                unreadable));
        int again = batchLog.appendAll(List.of(batchEntry(3, "{\"n\":3}"), tombstone, batchEntry(2, awkward)));

        assertThat(appended).isEqualTo(4);
        assertThat(again).isZero();
        assertThat(batchDb.jdbc().sql("SELECT kafka_offset FROM audit_event ORDER BY chain_seq").query(Long.class)
                .list()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        assertThat(batchDb.jdbc().sql("SELECT count(*) = max(chain_seq) FROM audit_event").query(Boolean.class)
                .single()).isTrue();
        assertThat(batchDb.jdbc().sql("SELECT payload::text FROM audit_event WHERE kafka_offset = 2")
                .query(String.class).single())
                .isEqualTo(batchDb.jdbc().sql("SELECT CAST(:p AS jsonb)::text").param("p", awkward)
                        .query(String.class).single())
                .contains("垃圾", "{a,b}");
        assertThat(batchDb.jdbc().sql("SELECT raw IS NULL, headers::text FROM audit_event WHERE kafka_offset = 4")
                .query((rs, n) -> tuple(rs.getBoolean(1), rs.getString(2))).single())
                .isEqualTo(tuple(true, "{\"a\": \"x\\\"y\", \"z\": \"1\"}"));
        assertThat(batchDb.jdbc().sql("SELECT record_key, decode_error, record_timestamp IS NULL FROM audit_event "
                + "WHERE kafka_offset = 5").query((rs, n) -> tuple(rs.getString(1), rs.getString(2), rs.getBoolean(3)))
                .single()).isEqualTo(tuple("NULL", "bad magic byte", true));
        ChainHead head = new ChainRows(batchDb.jdbc()).head();
        assertThat(head.lastSeq()).isEqualTo(6);
        assertThat(head.lastEventId()).isEqualTo(batchDb.jdbc().sql("SELECT id FROM audit_event WHERE chain_seq = 6")
                .query(Long.class).single());
        assertThat(verify(batchDb).ok()).isTrue();
    }

    @Test
    void shouldKeepOneUnbrokenChainWhenThreadsAppendOverlappingBatches() throws Exception {
        AuditTestDatabase concurrent = AuditTestDatabase.fresh("audit_concurrent_batch_test");
        List<Callable<Integer>> appends = new ArrayList<>();
        for (int thread = 0; thread < 4; thread++) {
            for (int batch = 0; batch < 10; batch++) {
                // Overlapping windows of one partition, as two instances see after a rebalance.
                List<AuditEntry> entries = new ArrayList<>();
                for (long offset = batch * 20L; offset < batch * 20L + 30; offset++) {
                    entries.add(concurrentEntry(thread / 2, offset));
                }
                appends.add(() -> concurrent.log().appendAll(entries));
            }
        }

        assertThat(appendedConcurrently(4, appends)).isEqualTo(2 * 210);
        assertOneUnbrokenChainOf(concurrent, 420);
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
        List<Callable<Integer>> appends = new ArrayList<>();
        for (int thread = 0; thread < 6; thread++) {
            for (long offset = 0; offset < 40; offset++) {
                // Threads pairwise append the same records, as after a rebalance.
                AuditEntry entry = concurrentEntry(thread / 2, offset);
                appends.add(() -> concurrent.log().append(entry) ? 1 : 0);
            }
        }

        assertThat(appendedConcurrently(6, appends)).isEqualTo(120);
        assertOneUnbrokenChainOf(concurrent, 120);
    }

    /** Runs the appends on that many threads and adds up how many rows they appended. */
    private static long appendedConcurrently(int threads, List<Callable<Integer>> appends) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long appended = 0;
            for (Future<Integer> append : pool.invokeAll(appends, 60, TimeUnit.SECONDS)) {
                appended += append.get();
            }
            return appended;
        } finally {
            pool.shutdown();
        }
    }

    private static void assertOneUnbrokenChainOf(AuditTestDatabase database, long rows) {
        assertThat(database.jdbc().sql("SELECT count(*), min(chain_seq), max(chain_seq) FROM audit_event")
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single())
                .containsExactly(rows, 1L, rows);
        assertThat(verify(database).ok()).isTrue();
    }

    private static AuditEntry concurrentEntry(int partition, long offset) {
        return new AuditEntry("case-events", partition, offset, "C-" + offset, "C-" + offset, "test.Step", 3,
                new byte[] {0, 0, 0, 0, 3}, "{}", "{\"n\":" + offset + "}", null, AT);
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

    private static AuditEntry batchEntry(long offset, String payload) {
        return new AuditEntry("department-tasks-batch", 0, offset, "C-B", "C-B", "test.Step", 3,
                new byte[] {0, 0, 0, 0, 3, (byte) offset}, "{\"trace\": \"t-" + offset + "\", \"a\": \"1\"}", payload,
                null, AT.plusMillis(offset).plusNanos(1_500));
    }

    private static AuditEntry entry(String caseId, long offset, Instant at, String payload) {
        return new AuditEntry("case-events", 0, offset, caseId, caseId, payload == null ? null : "test.Step",
                payload == null ? null : 3, payload == null ? null : new byte[] {0, 0, 0, 0, 3},
                "{\"trace\":\"t\"}", payload, null, at);
    }
}
