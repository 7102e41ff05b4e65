package org.civicdispatch.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.civicdispatch.audit.chain.ChainHash;
import org.civicdispatch.audit.chain.ChainedContent;
import org.civicdispatch.audit.domain.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only audit table and its hash chain. Database failures propagate, so the listener retries the record.
 */
public class AuditLog {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public AuditLog(JdbcClient jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * Appends the entry as the chain's next row, unless its topic, partition and offset are already in: a redelivery
     * inserts nothing and leaves the chain as it was. The chain head's row lock, taken first, serialises appends from
     * every consumer thread and instance, so each row links to the one committed just before it.
     */
    public boolean append(AuditEntry entry) {
        Boolean appended = tx.execute(status -> {
            ChainHead head = jdbc.sql("SELECT last_seq, last_hash, last_event_id FROM audit_chain_head WHERE id = 1 "
                            + "FOR UPDATE")
                    .query(ChainHead::of).single();
            Canonical canonical = jdbc.sql("""
                            SELECT EXISTS (SELECT 1 FROM audit_event WHERE topic = :topic
                                           AND kafka_partition = :partition AND kafka_offset = :offset) AS present,
                                   CAST(:headers AS jsonb)::text AS headers, CAST(:payload AS jsonb)::text AS payload
                            """)
                    .param("topic", entry.topic())
                    .param("partition", entry.partition())
                    .param("offset", entry.offset())
                    .param("headers", entry.headersJson())
                    .param("payload", entry.payloadJson())
                    .query((rs, n) -> new Canonical(rs.getBoolean("present"), rs.getString("headers"),
                            rs.getString("payload")))
                    .single();
            if (canonical.present()) {
                return false;
            }
            ChainedContent content = new ChainedContent(head.lastSeq() + 1, entry.topic(), entry.partition(),
                    entry.offset(), entry.recordKey(), entry.caseId(), entry.eventType(), entry.schemaId(),
                    entry.raw(), canonical.headers(), canonical.payload(), entry.decodeError(), entry.recordedAt(),
                    clock.instant().truncatedTo(ChronoUnit.MICROS));
            byte[] rowHash = ChainHash.of(head.lastHash(), content);
            long id = jdbc.sql("""
                            INSERT INTO audit_event (topic, kafka_partition, kafka_offset, record_key, case_id,
                                                     event_type, schema_id, raw, headers, payload, decode_error,
                                                     record_timestamp, appended_at, chain_seq, prev_hash, row_hash)
                            VALUES (:topic, :partition, :offset, :key, :caseId, :eventType, :schemaId, :raw,
                                    CAST(:headers AS jsonb), CAST(:payload AS jsonb), :decodeError, :recordedAt,
                                    :appendedAt, :seq, :prevHash, :rowHash)
                            RETURNING id
                            """)
                    .param("topic", content.topic())
                    .param("partition", content.partition())
                    .param("offset", content.offset())
                    .param("key", content.recordKey())
                    .param("caseId", content.caseId())
                    .param("eventType", content.eventType())
                    .param("schemaId", content.schemaId())
                    .param("raw", content.raw())
                    .param("headers", content.headersJson())
                    .param("payload", content.payloadJson())
                    .param("decodeError", content.decodeError())
                    .param("recordedAt", Rows.timestamp(content.recordTimestamp()))
                    .param("appendedAt", Rows.timestamp(content.appendedAt()))
                    .param("seq", content.seq())
                    .param("prevHash", head.lastHash())
                    .param("rowHash", rowHash)
                    .query(Long.class).single();
            jdbc.sql("UPDATE audit_chain_head SET last_seq = :seq, last_hash = :hash, last_event_id = :id WHERE id = 1")
                    .param("seq", content.seq())
                    .param("hash", rowHash)
                    .param("id", id)
                    .update();
            return true;
        });
        return Boolean.TRUE.equals(appended);
    }

    /** The case's events in the order they were recorded. */
    public List<RecordedEvent> timelineOf(String caseId) {
        return timelineOf(caseId, null);
    }

    /**
     * The case as it stood at {@code asOf}: its events whose own timestamp is not after it, in record order; all of
     * them when {@code asOf} is null.
     */
    public List<RecordedEvent> timelineOf(String caseId, Instant asOf) {
        return jdbc.sql("""
                        SELECT topic, kafka_partition, kafka_offset, event_type, schema_id, record_timestamp,
                               payload::text AS payload, headers::text AS headers, decode_error
                        FROM audit_event
                        WHERE case_id = :caseId
                          AND (CAST(:asOf AS timestamptz) IS NULL OR record_timestamp <= CAST(:asOf AS timestamptz))
                        ORDER BY record_timestamp, id
                        """)
                .param("caseId", caseId)
                .param("asOf", Rows.timestamp(asOf))
                .query(AuditLog::recordedEvent)
                .list();
    }

    /** The street the case was reported in, from its report; empty when no report of it is recorded. */
    public Optional<String> streetOf(String caseId) {
        return jdbc.sql("""
                        SELECT payload -> 'location' ->> 'streetCode' FROM audit_event
                        WHERE case_id = :caseId AND topic = 'incident-reports' AND payload IS NOT NULL
                        ORDER BY id LIMIT 1
                        """)
                .param("caseId", caseId).query(String.class).optional();
    }

    /** Whether any event of the case is recorded at all. */
    public boolean knows(String caseId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM audit_event WHERE case_id = :caseId)")
                .param("caseId", caseId).query(Boolean.class).single();
    }

    private static RecordedEvent recordedEvent(ResultSet rs, int row) throws SQLException {
        return new RecordedEvent(rs.getString("topic"), rs.getInt("kafka_partition"), rs.getLong("kafka_offset"),
                rs.getString("event_type"), rs.getObject("schema_id", Integer.class),
                Rows.instant(rs, "record_timestamp"), rs.getString("payload"), rs.getString("headers"),
                rs.getString("decode_error"));
    }

    private record Canonical(boolean present, String headers, String payload) {
    }

}
