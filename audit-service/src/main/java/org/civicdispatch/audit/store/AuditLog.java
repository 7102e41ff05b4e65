package org.civicdispatch.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.civicdispatch.audit.chain.ChainHash;
import org.civicdispatch.audit.chain.ChainedContent;
import org.civicdispatch.audit.domain.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The append-only audit table and its hash chain. Database failures propagate, so the listener retries the batch.
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
     * inserts nothing and leaves the chain as it was.
     */
    public boolean append(AuditEntry entry) {
        return appendAll(List.of(entry)) == 1;
    }

    /**
     * Appends the entries, in list order, as the chain's next rows, in one transaction: those whose topic, partition
     * and offset are already in (or earlier in the list) are left out, so a redelivered batch, whole or in part,
     * appends only what is missing. The chain head's row lock, taken first, serialises appends from every consumer
     * thread and instance, so each batch links to the row committed just before it. Returns how many were appended.
     */
    public int appendAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return 0;
        }
        Integer appended = tx.execute(status -> {
            ChainHead head = jdbc.sql("SELECT last_seq, last_hash, last_event_id FROM audit_chain_head WHERE id = 1 "
                            + "FOR UPDATE")
                    .query(ChainHead::of).single();
            List<Canonical> canonical = canonical(entries);
            Instant appendedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
            List<ChainedContent> rows = new ArrayList<>(entries.size());
            List<byte[]> rowHashes = new ArrayList<>(entries.size());
            Set<Coordinates> seen = new HashSet<>();
            long seq = head.lastSeq();
            byte[] prevHash = head.lastHash();
            for (int i = 0; i < entries.size(); i++) {
                AuditEntry entry = entries.get(i);
                if (canonical.get(i).present()
                        || !seen.add(new Coordinates(entry.topic(), entry.partition(), entry.offset()))) {
                    continue;
                }
                ChainedContent content = new ChainedContent(++seq, entry.topic(), entry.partition(), entry.offset(),
                        entry.recordKey(), entry.caseId(), entry.eventType(), entry.schemaId(), entry.raw(),
                        canonical.get(i).headers(), canonical.get(i).payload(), entry.decodeError(),
                        micros(entry.recordedAt()), appendedAt);
                byte[] rowHash = ChainHash.of(prevHash, content);
                rows.add(content);
                rowHashes.add(rowHash);
                prevHash = rowHash;
            }
            if (!rows.isEmpty()) {
                insert(rows, head.lastHash(), rowHashes);
            }
            return rows.size();
        });
        return appended == null ? 0 : appended;
    }

    /**
     * One round trip for the whole batch: whether each entry is already in, and its headers and payload as
     * PostgreSQL renders them once stored as jsonb (the text the chain seals and the verifier reads back).
     */
    private List<Canonical> canonical(List<AuditEntry> entries) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM audit_event e WHERE e.topic = b.topic
                                       AND e.kafka_partition = b.part AND e.kafka_offset = b.off) AS present,
                               CAST(b.headers AS jsonb)::text AS headers, CAST(b.payload AS jsonb)::text AS payload
                        FROM unnest(CAST(:topics AS text[]), CAST(:partitions AS int[]), CAST(:offsets AS bigint[]),
                                    CAST(:headers AS text[]), CAST(:payloads AS text[]))
                             WITH ORDINALITY AS b(topic, part, off, headers, payload, ord)
                        ORDER BY b.ord
                        """)
                .param("topics", array("text", entries, AuditEntry::topic))
                .param("partitions", array("int4", entries, AuditEntry::partition))
                .param("offsets", array("int8", entries, AuditEntry::offset))
                .param("headers", array("text", entries, AuditEntry::headersJson))
                .param("payloads", array("text", entries, AuditEntry::payloadJson))
                .query((rs, n) -> new Canonical(rs.getBoolean("present"), rs.getString("headers"),
                        rs.getString("payload")))
                .list();
    }

    /**
     * All rows in one statement, in chain order, and the head moved to the last of them. Each row links to the one
     * before it, the first to the head's hash.
     */
    private void insert(List<ChainedContent> rows, byte[] headHash, List<byte[]> rowHashes) {
        ChainedContent last = rows.get(rows.size() - 1);
        List<byte[]> prevHashes = new ArrayList<>(rows.size());
        prevHashes.add(headHash);
        prevHashes.addAll(rowHashes.subList(0, rowHashes.size() - 1));
        int updated = jdbc.sql("""
                        WITH inserted AS (
                            INSERT INTO audit_event (topic, kafka_partition, kafka_offset, record_key, case_id,
                                                     event_type, schema_id, raw, headers, payload, decode_error,
                                                     record_timestamp, appended_at, chain_seq, prev_hash, row_hash)
                            SELECT r.topic, r.part, r.off, r.record_key, r.case_id, r.event_type, r.schema_id, r.raw,
                                   CAST(r.headers AS jsonb), CAST(r.payload AS jsonb), r.decode_error,
                                   CAST(r.recorded_at AS timestamptz), :appendedAt, r.seq, r.prev_hash, r.row_hash
                            FROM unnest(CAST(:topics AS text[]), CAST(:partitions AS int[]),
                                        CAST(:offsets AS bigint[]), CAST(:keys AS text[]), CAST(:caseIds AS text[]),
                                        CAST(:eventTypes AS text[]), CAST(:schemaIds AS int[]),
                                        CAST(:raws AS bytea[]), CAST(:headers AS text[]), CAST(:payloads AS text[]),
                                        CAST(:decodeErrors AS text[]), CAST(:recordedAts AS text[]),
                                        CAST(:seqs AS bigint[]), CAST(:prevHashes AS bytea[]),
                                        CAST(:rowHashes AS bytea[]))
                                 AS r(topic, part, off, record_key, case_id, event_type, schema_id, raw, headers,
                                      payload, decode_error, recorded_at, seq, prev_hash, row_hash)
                            ORDER BY r.seq
                            RETURNING id, chain_seq)
                        UPDATE audit_chain_head
                        SET last_seq = :lastSeq, last_hash = :lastHash,
                            last_event_id = (SELECT id FROM inserted WHERE chain_seq = :lastSeq)
                        WHERE id = 1
                        """)
                .param("topics", array("text", rows, ChainedContent::topic))
                .param("partitions", array("int4", rows, ChainedContent::partition))
                .param("offsets", array("int8", rows, ChainedContent::offset))
                .param("keys", array("text", rows, ChainedContent::recordKey))
                .param("caseIds", array("text", rows, ChainedContent::caseId))
                .param("eventTypes", array("text", rows, ChainedContent::eventType))
                .param("schemaIds", array("int4", rows, ChainedContent::schemaId))
                .param("raws", new SqlArrayValue("bytea", rows.stream().map(ChainedContent::raw)
                        .toArray(byte[][]::new)))
                .param("headers", array("text", rows, ChainedContent::headersJson))
                .param("payloads", array("text", rows, ChainedContent::payloadJson))
                .param("decodeErrors", array("text", rows, ChainedContent::decodeError))
                .param("recordedAts", array("text", rows, row -> row.recordTimestamp() == null ? null
                        : row.recordTimestamp().toString()))
                .param("appendedAt", Rows.timestamp(last.appendedAt()))
                .param("seqs", array("int8", rows, ChainedContent::seq))
                .param("prevHashes", new SqlArrayValue("bytea", prevHashes.toArray(byte[][]::new)))
                .param("rowHashes", new SqlArrayValue("bytea", rowHashes.toArray(byte[][]::new)))
                .param("lastSeq", last.seq())
                .param("lastHash", rowHashes.get(rowHashes.size() - 1))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("the chain head row is missing");
        }
    }

    private static <T> SqlArrayValue array(String type, List<T> items, Function<T, ?> field) {
        return new SqlArrayValue(type, items.stream().map(field).toArray());
    }

    /** What PostgreSQL keeps of an instant, so the hash covers the stored value exactly. */
    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
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

    private record Coordinates(String topic, int partition, long offset) {
    }

}
