package org.civicdispatch.notification.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.civicdispatch.events.NotificationRetry;
import org.civicdispatch.notification.domain.Notice;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Exactly once per (event, recipient, channel) as far as the outside world can tell: a notice is claimed in
 * PostgreSQL before it is sent and marked sent after, so a redelivered event, a retry or a restart never sends a
 * notice marked sent again. A claim interrupted between send and mark (a crash) stays CLAIMED and is sent again
 * with the same idempotency key, which SMS gateways and webhook receivers dedupe on; see the README for the window
 * that remains for e-mail.
 */
public class DeliveryClaims {

    /** Whether to send now, and which attempt this is (1 for the first). */
    public record Claim(boolean send, int attempt) {

        static final Claim SKIP = new Claim(false, 0);
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public DeliveryClaims(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Claims a notice planned from its source event: a new one is claimed (or, with {@code notBefore}, deferred);
     * one already sent, failed, deferred or waiting for a retry is skipped; one left CLAIMED by an interrupted
     * attempt is taken over.
     */
    public Claim claim(Notice notice, Instant notBefore) {
        Instant now = clock.instant();
        boolean deferred = notBefore != null;
        int inserted = jdbc.sql("""
                insert into notice_claim (notification_id, case_id, channel, state, due_at, attempts, claimed_at,
                    notice) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (notification_id) do nothing""")
                .params(notice.notificationId(), notice.caseId(), notice.channel().name(),
                        deferred ? "DEFERRED" : "CLAIMED", deferred ? Timestamp.from(notBefore) : null,
                        deferred ? 0 : 1, Timestamp.from(now),
                        bytes(RetryRecords.of(notice, 1, deferred ? notBefore : now, null)))
                .update();
        if (inserted == 1) {
            return deferred ? Claim.SKIP : new Claim(true, 1);
        }
        return resume(notice.notificationId(), List.of("CLAIMED"));
    }

    /** Takes a claim in one of {@code fromStates} (a retry takes RETRYING) and counts the attempt. */
    public Claim resume(String notificationId, List<String> fromStates) {
        return jdbc.sql("""
                update notice_claim set state = 'CLAIMED', claimed_at = :now, attempts = attempts + 1
                where notification_id = :id and state in (:states) returning attempts""")
                .param("now", Timestamp.from(clock.instant())).param("id", notificationId)
                .param("states", fromStates)
                .query(Integer.class).optional().map(attempt -> new Claim(true, attempt)).orElse(Claim.SKIP);
    }

    public void markSent(String notificationId) {
        jdbc.sql("update notice_claim set state = 'SENT', sent_at = ? where notification_id = ?")
                .params(Timestamp.from(clock.instant()), notificationId).update();
    }

    public void markRetrying(String notificationId, Instant dueAt) {
        jdbc.sql("update notice_claim set state = 'RETRYING', due_at = ? where notification_id = ?")
                .params(Timestamp.from(dueAt), notificationId).update();
    }

    public void markFailed(String notificationId) {
        jdbc.sql("update notice_claim set state = 'FAILED' where notification_id = ?").params(notificationId)
                .update();
    }

    public Optional<String> state(String notificationId) {
        return jdbc.sql("select state from notice_claim where notification_id = ?").param(notificationId)
                .query(String.class).optional();
    }

    /**
     * Notices nothing else will drive: deferred ones whose quiet hours are over, claims interrupted longer than
     * {@code stale} ago (a crash between send and mark), and retries whose record is overdue by {@code stale}
     * (a crash between marking the retry and writing its record).
     */
    public List<NotificationRetry> dueForResumption(Duration stale, int limit) {
        Instant now = clock.instant();
        Timestamp staleBefore = Timestamp.from(now.minus(stale));
        return jdbc.sql("""
                select notice from notice_claim
                where (state = 'DEFERRED' and due_at <= ?) or (state = 'CLAIMED' and claimed_at < ?)
                   or (state = 'RETRYING' and due_at < ?)
                order by claimed_at limit ?""")
                .params(Timestamp.from(now), staleBefore, staleBefore, limit)
                .query((rs, n) -> record(rs.getBytes(1))).list();
    }

    private static byte[] bytes(NotificationRetry notice) {
        try {
            ByteBuffer buffer = notice.toByteBuffer();
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NotificationRetry record(byte[] bytes) {
        try {
            return NotificationRetry.fromByteBuffer(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable notice in a claim", e);
        }
    }
}
