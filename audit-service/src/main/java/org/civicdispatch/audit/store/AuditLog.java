package org.civicdispatch.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.civicdispatch.audit.domain.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only audit table. Database failures propagate, so the listener retries the record. */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;

    public AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends the entry unless its topic, partition and offset are already in: a redelivery is a no-op. */
    public boolean append(AuditEntry entry) {
        return jdbc.sql("""
                        INSERT INTO audit_event (topic, kafka_partition, kafka_offset, record_key, case_id, event_type,
                                                 schema_id, raw, headers, payload, decode_error, record_timestamp)
                        VALUES (:topic, :partition, :offset, :key, :caseId, :eventType, :schemaId, :raw,
                                CAST(:headers AS jsonb), CAST(:payload AS jsonb), :decodeError, :recordedAt)
                        ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING
                        """)
                .param("topic", entry.topic())
                .param("partition", entry.partition())
                .param("offset", entry.offset())
                .param("key", entry.recordKey())
                .param("caseId", entry.caseId())
                .param("eventType", entry.eventType())
                .param("schemaId", entry.schemaId())
                .param("raw", entry.raw())
                .param("headers", entry.headersJson())
                .param("payload", entry.payloadJson())
                .param("decodeError", entry.decodeError())
                .param("recordedAt", entry.recordedAt() == null ? null
                        : OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC))
                .update() == 1;
    }

    /** The case's events in the order they were recorded. */
    public List<RecordedEvent> timelineOf(String caseId) {
        return jdbc.sql("""
                        SELECT topic, kafka_partition, kafka_offset, event_type, schema_id, record_timestamp,
                               payload::text AS payload, headers::text AS headers, decode_error
                        FROM audit_event
                        WHERE case_id = :caseId
                        ORDER BY record_timestamp, id
                        """)
                .param("caseId", caseId)
                .query(AuditLog::recordedEvent)
                .list();
    }

    private static RecordedEvent recordedEvent(ResultSet rs, int row) throws SQLException {
        OffsetDateTime recordedAt = rs.getObject("record_timestamp", OffsetDateTime.class);
        return new RecordedEvent(rs.getString("topic"), rs.getInt("kafka_partition"), rs.getLong("kafka_offset"),
                rs.getString("event_type"), rs.getObject("schema_id", Integer.class),
                recordedAt == null ? null : recordedAt.toInstant(), rs.getString("payload"), rs.getString("headers"),
                rs.getString("decode_error"));
    }
}
