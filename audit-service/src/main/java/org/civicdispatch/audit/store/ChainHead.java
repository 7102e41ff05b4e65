package org.civicdispatch.audit.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/** The chain's last row: its sequence number, hash and database id (null before the first row). */
public record ChainHead(long lastSeq, byte[] lastHash, Long lastEventId) {

    static ChainHead of(ResultSet rs, int row) throws SQLException {
        return new ChainHead(rs.getLong("last_seq"), rs.getBytes("last_hash"),
                rs.getObject("last_event_id", Long.class));
    }
}
