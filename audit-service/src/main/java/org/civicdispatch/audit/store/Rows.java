package org.civicdispatch.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.civicdispatch.audit.chain.ChainedContent;
import org.civicdispatch.audit.chain.ChainedRow;

/** Mapping between audit rows and the chain's view of them. */
final class Rows {

    /** Every column the chain seals, jsonb as PostgreSQL renders it. */
    static final String CHAINED_COLUMNS = """
            id, chain_seq, topic, kafka_partition, kafka_offset, record_key, case_id, event_type, schema_id, raw,
            headers::text AS headers, payload::text AS payload, decode_error, record_timestamp, appended_at,
            prev_hash, row_hash""";

    private Rows() {
    }

    static ChainedRow chainedRow(ResultSet rs, int row) throws SQLException {
        ChainedContent content = new ChainedContent(rs.getLong("chain_seq"), rs.getString("topic"),
                rs.getInt("kafka_partition"), rs.getLong("kafka_offset"), rs.getString("record_key"),
                rs.getString("case_id"), rs.getString("event_type"), rs.getObject("schema_id", Integer.class),
                rs.getBytes("raw"), rs.getString("headers"), rs.getString("payload"), rs.getString("decode_error"),
                instant(rs, "record_timestamp"), instant(rs, "appended_at"));
        return new ChainedRow(rs.getLong("id"), content, rs.getBytes("prev_hash"), rs.getBytes("row_hash"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
