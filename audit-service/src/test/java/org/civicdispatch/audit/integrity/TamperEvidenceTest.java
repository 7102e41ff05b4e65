package org.civicdispatch.audit.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.civicdispatch.audit.AuditTestDatabase;
import org.civicdispatch.audit.access.Caller;
import org.civicdispatch.audit.chain.ChainHash;
import org.civicdispatch.audit.chain.ChainedContent;
import org.civicdispatch.audit.chain.ChainedRow;
import org.civicdispatch.audit.chain.SigningKeys;
import org.civicdispatch.audit.chain.VerificationReport;
import org.civicdispatch.audit.store.ChainRows;
import org.civicdispatch.audit.store.Checkpoints;
import org.civicdispatch.audit.store.QueryLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An attacker with superuser rights on the real database: switches the append-only trigger off and edits, deletes,
 * forges or rewrites rows. Verification must point at the first row that is not what was sealed.
 */
class TamperEvidenceTest {

    private static final KeyPair KEY = SigningKeys.generate();

    private AuditTestDatabase db;
    private VerifyingTheLog verifying;

    @BeforeEach
    void fiveEventsWithACheckpointAfterTheThird() {
        db = AuditTestDatabase.fresh("audit_tamper_test");
        ChainRows rows = new ChainRows(db.jdbc());
        Checkpoints checkpoints = new Checkpoints(db.jdbc());
        verifying = new VerifyingTheLog(rows, checkpoints, new QueryLog(db.jdbc(), Clock.systemUTC()),
                KEY.getPublic(), db.transactions());
        SealingTheChain sealing = new SealingTheChain(rows, checkpoints, KEY, Clock.systemUTC());
        for (long offset = 1; offset <= 5; offset++) {
            db.log().append(AuditTestDatabase.event("case-events", offset, "C-T", AuditTestDatabase.AT,
                    "{\"step\": " + offset + "}"));
            if (offset == 3) {
                assertThat(sealing.seal()).isPresent();
            }
        }
        assertThat(sealing.seal()).isPresent();
        assertThat(sealing.seal()).as("nothing new to seal").isEmpty();
    }

    @Test
    void shouldFindAnIntactLogIntactAndRecordWhoAsked() {
        VerificationReport report = verifying.verify(Caller.auditor("inspector"));

        assertThat(report.ok()).isTrue();
        assertThat(report.rowsChecked()).isEqualTo(5);
        assertThat(report.checkpointsChecked()).isEqualTo(2);
        assertThat(report.chainHeadSeq()).isEqualTo(5);
        assertThat(db.jdbc().sql("SELECT caller || ' ' || roles || ' ' || query FROM audit_query_log")
                .query(String.class).list()).containsExactly("inspector auditor verify");
    }

    @Test
    void shouldFailAtARowEditedWithSql() {
        db.tamper("UPDATE audit_event SET payload = '{\"step\": 40}' WHERE chain_seq = 4", Map.of());

        VerificationReport report = verifying.verify(Caller.auditor("inspector"));

        assertThat(report.ok()).isFalse();
        assertThat(report.firstBroken().chainSeq()).isEqualTo(4);
        assertThat(report.firstBroken().rowId()).isEqualTo(idOf(4));
        assertThat(report.firstBroken().topic()).isEqualTo("case-events");
        assertThat(report.firstBroken().offset()).isEqualTo(4);
        assertThat(report.firstBroken().reason()).startsWith("row altered");
        assertThat(report.firstBroken().found()).isEqualTo(ChainHash.hex(row(4).rowHash()));
        assertThat(report.firstBroken().expected()).isNotEqualTo(report.firstBroken().found());
    }

    @Test
    void shouldFailAtTheRowAfterADeletedOne() {
        long next = idOf(3);
        db.tamper("DELETE FROM audit_event WHERE chain_seq = 2", Map.of());

        VerificationReport report = verifying.verify(Caller.auditor("inspector"));

        assertThat(report.firstBroken().rowId()).isEqualTo(next);
        assertThat(report.firstBroken().chainSeq()).isEqualTo(3);
        assertThat(report.firstBroken().reason()).startsWith("link broken");
        assertThat(report.firstBroken().expected()).isEqualTo(ChainHash.hex(row(1).rowHash()));
        assertThat(report.firstBroken().found()).isEqualTo(ChainHash.hex(row(3).prevHash()));
    }

    @Test
    void shouldFailAtARowForgedWithAValidHashAfterTheLast() {
        ChainedRow last = row(5);
        ChainedContent forged = new ChainedContent(6, "case-events", 0, 99, "C-T", "C-T", "test.Step", 3,
                new byte[] {0, 0, 0, 0, 3}, "{}", "{\"step\": 99}", null, AuditTestDatabase.AT,
                AuditTestDatabase.AT);
        db.jdbc().sql("""
                        INSERT INTO audit_event (topic, kafka_partition, kafka_offset, record_key, case_id, event_type,
                               schema_id, raw, headers, payload, record_timestamp, appended_at, chain_seq, prev_hash,
                               row_hash)
                        VALUES ('case-events', 0, 99, 'C-T', 'C-T', 'test.Step', 3, :raw, '{}', '{"step": 99}',
                                :at, :at, 6, :prev, :hash)""")
                .param("raw", forged.raw())
                .param("at", java.time.OffsetDateTime.ofInstant(AuditTestDatabase.AT, java.time.ZoneOffset.UTC))
                .param("prev", last.rowHash())
                .param("hash", ChainHash.of(last.rowHash(), forged))
                .update();

        VerificationReport report = verifying.verify(Caller.auditor("inspector"));

        assertThat(report.firstBroken().chainSeq()).isEqualTo(6);
        assertThat(report.firstBroken().offset()).isEqualTo(99);
        assertThat(report.firstBroken().reason()).startsWith("row beyond the chain head");
    }

    @Test
    void shouldCatchAChainRewrittenFromAnEditedRowOnByTheSignedCheckpoint() {
        db.tamper("UPDATE audit_event SET payload = '{\"step\": 20}' WHERE chain_seq = 2", Map.of());
        // The attacker re-seals every row from the edited one on, and the head, so all links hold again.
        byte[] prev = row(1).rowHash();
        for (long seq = 2; seq <= 5; seq++) {
            ChainedRow row = row(seq);
            byte[] hash = ChainHash.of(prev, row.content());
            db.tamper("UPDATE audit_event SET prev_hash = :prev, row_hash = :hash WHERE chain_seq = :seq",
                    Map.of("prev", prev, "hash", hash, "seq", seq));
            prev = hash;
        }
        db.jdbc().sql("UPDATE audit_chain_head SET last_hash = :hash").param("hash", prev).update();

        VerificationReport report = verifying.verify(Caller.auditor("inspector"));

        assertThat(report.firstBroken().chainSeq()).isEqualTo(3);
        assertThat(report.firstBroken().reason()).startsWith("row differs from the signed checkpoint");
    }

    private long idOf(long seq) {
        return row(seq).id();
    }

    private ChainedRow row(long seq) {
        ChainedRow[] found = new ChainedRow[1];
        new ChainRows(db.jdbc()).forEach(row -> {
            if (row.content().seq() == seq) {
                found[0] = row;
            }
            return found[0] == null;
        });
        return List.of(found).get(0);
    }
}
