package org.civicdispatch.audit.store;

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.civicdispatch.audit.chain.ChainedRow;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the chained rows in chain order, page by page (keyset on chain_seq), so any size of log fits in memory. */
public class ChainRows {

    private static final int PAGE = 500;

    private final JdbcClient jdbc;

    public ChainRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public ChainHead head() {
        return jdbc.sql("SELECT last_seq, last_hash, last_event_id FROM audit_chain_head WHERE id = 1")
                .query(ChainHead::of).single();
    }

    /** Every row in chain order until {@code visitor} answers false. */
    public void forEach(Predicate<ChainedRow> visitor) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<ChainedRow> page = jdbc.sql("SELECT " + Rows.CHAINED_COLUMNS
                            + " FROM audit_event WHERE chain_seq > :after ORDER BY chain_seq LIMIT " + PAGE)
                    .param("after", after)
                    .query(Rows::chainedRow).list();
            for (ChainedRow row : page) {
                if (!visitor.test(row)) {
                    return;
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).content().seq();
        }
    }

    /** One page of the period [from, to) by record time, in chain order after {@code afterSeq} up to {@code upToSeq}. */
    public List<ChainedRow> periodPage(Instant from, Instant to, long afterSeq, long upToSeq, int limit) {
        return jdbc.sql("SELECT " + Rows.CHAINED_COLUMNS + """
                         FROM audit_event
                        WHERE record_timestamp >= :from AND record_timestamp < :to
                          AND chain_seq > :after AND chain_seq <= :upTo
                        ORDER BY chain_seq LIMIT :limit""")
                .param("from", Rows.timestamp(from))
                .param("to", Rows.timestamp(to))
                .param("after", afterSeq)
                .param("upTo", upToSeq)
                .param("limit", limit)
                .query(Rows::chainedRow).list();
    }

    public long countInPeriod(Instant from, Instant to, long upToSeq) {
        return jdbc.sql("""
                        SELECT count(*) FROM audit_event
                        WHERE record_timestamp >= :from AND record_timestamp < :to AND chain_seq <= :upTo""")
                .param("from", Rows.timestamp(from))
                .param("to", Rows.timestamp(to))
                .param("upTo", upToSeq)
                .query(Long.class).single();
    }
}
