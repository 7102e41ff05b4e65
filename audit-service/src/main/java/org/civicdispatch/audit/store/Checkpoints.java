package org.civicdispatch.audit.store;

import java.util.List;
import org.civicdispatch.audit.chain.Checkpoint;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The signed checkpoints of the chain. */
public class Checkpoints {

    private final JdbcClient jdbc;

    public Checkpoints(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Checkpoint> all() {
        return jdbc.sql("SELECT chain_seq, event_id, row_hash, created_at, key_id, signature FROM audit_checkpoint "
                        + "ORDER BY chain_seq, id")
                .query((rs, n) -> new Checkpoint(rs.getLong("chain_seq"), rs.getLong("event_id"),
                        rs.getBytes("row_hash"), Rows.instant(rs, "created_at"), rs.getString("key_id"),
                        rs.getBytes("signature")))
                .list();
    }

    /** The sequence number the last checkpoint sealed, 0 when there is none. */
    public long lastSeq() {
        return jdbc.sql("SELECT coalesce(max(chain_seq), 0) FROM audit_checkpoint").query(Long.class).single();
    }

    public void add(Checkpoint checkpoint) {
        jdbc.sql("""
                        INSERT INTO audit_checkpoint (chain_seq, event_id, row_hash, created_at, key_id, signature)
                        VALUES (:seq, :eventId, :hash, :createdAt, :keyId, :signature)""")
                .param("seq", checkpoint.seq())
                .param("eventId", checkpoint.eventId())
                .param("hash", checkpoint.rowHash())
                .param("createdAt", Rows.timestamp(checkpoint.createdAt()))
                .param("keyId", checkpoint.keyId())
                .param("signature", checkpoint.signature())
                .update();
    }
}
