package org.civicdispatch.audit.store.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.civicdispatch.audit.chain.ChainHash;
import org.civicdispatch.audit.chain.ChainedContent;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Chains the rows appended before V3, in id order (their append order), and points the chain head at the last.
 * Runs before V5 makes the chain columns mandatory and the table append-only.
 */
public class V4__ChainExistingEvents extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long seq = 0;
        byte[] prev = ChainHash.GENESIS;
        Long lastId = null;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT id, topic, kafka_partition, kafka_offset, record_key, case_id, event_type, schema_id, raw,
                       headers::text AS headers, payload::text AS payload, decode_error, record_timestamp,
                       date_trunc('microseconds', appended_at) AS appended_at
                FROM audit_event ORDER BY id""");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE audit_event SET chain_seq = ?, prev_hash = ?, row_hash = ? WHERE id = ?");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                seq++;
                ChainedContent content = new ChainedContent(seq, rs.getString("topic"), rs.getInt("kafka_partition"),
                        rs.getLong("kafka_offset"), rs.getString("record_key"), rs.getString("case_id"),
                        rs.getString("event_type"), rs.getObject("schema_id", Integer.class), rs.getBytes("raw"),
                        rs.getString("headers"), rs.getString("payload"), rs.getString("decode_error"),
                        instant(rs, "record_timestamp"), instant(rs, "appended_at"));
                byte[] hash = ChainHash.of(prev, content);
                update.setLong(1, seq);
                update.setBytes(2, prev);
                update.setBytes(3, hash);
                lastId = rs.getLong("id");
                update.setLong(4, lastId);
                update.executeUpdate();
                prev = hash;
            }
        }
        try (PreparedStatement head = connection.prepareStatement(
                "UPDATE audit_chain_head SET last_seq = ?, last_hash = ?, last_event_id = ? WHERE id = 1")) {
            head.setLong(1, seq);
            head.setBytes(2, prev);
            head.setObject(3, lastId);
            head.executeUpdate();
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
