package org.civicdispatch.notification.delivery;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.civicdispatch.notification.domain.Notice;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Citizen notices waiting in PostgreSQL for their case's report, one row per notice however often its event is
 * redelivered, with the case event they are planned again from. A release takes a case's rows with one conditional
 * update, so two threads or instances never deliver the same notice at once; the rows go once it is delivered.
 */
public class AwaitedNotices {

    /** A waiting notice and its case event as received. */
    public record Awaited(String notificationId, byte[] sourceEvent) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public AwaitedNotices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void await(List<Notice> notices, byte[] sourceEvent) {
        Timestamp now = Timestamp.from(clock.instant());
        for (Notice notice : notices) {
            jdbc.sql("""
                    insert into notice_awaiting_report (notification_id, case_id, source_event, awaiting_since)
                    values (?, ?, ?, ?) on conflict (notification_id) do nothing""")
                    .params(notice.notificationId(), notice.caseId(), sourceEvent, now).update();
        }
    }

    /** Takes a case's waiting notices, and those of a release interrupted longer than {@code stale} ago. */
    public List<Awaited> take(String caseId, Duration stale) {
        Instant now = clock.instant();
        return jdbc.sql("""
                update notice_awaiting_report set releasing_at = :now
                where case_id = :case and (releasing_at is null or releasing_at < :staleBefore)
                returning notification_id, source_event""")
                .param("now", Timestamp.from(now)).param("case", caseId)
                .param("staleBefore", Timestamp.from(now.minus(stale)))
                .query((rs, n) -> new Awaited(rs.getString(1), rs.getBytes(2))).list();
    }

    public void released(Collection<String> notificationIds) {
        if (!notificationIds.isEmpty()) {
            jdbc.sql("delete from notice_awaiting_report where notification_id in (:ids)")
                    .param("ids", notificationIds).update();
        }
    }

    /**
     * Cases with notices a report listener will not release: the report is in (a release lost to a race or a
     * crash), or the notices have waited longer than {@code maxWait}.
     */
    public List<String> casesToRelease(Duration stale, Duration maxWait, int limit) {
        Instant now = clock.instant();
        return jdbc.sql("""
                select distinct a.case_id from notice_awaiting_report a
                left join case_contact c on c.case_id = a.case_id
                where (a.releasing_at is null or a.releasing_at < ?)
                  and (c.reported_at is not null or a.awaiting_since < ?)
                limit ?""")
                .params(Timestamp.from(now.minus(stale)), Timestamp.from(now.minus(maxWait)), limit)
                .query(String.class).list();
    }

    /** The ids of a case's notices still waiting. */
    public List<String> waiting(String caseId) {
        return jdbc.sql("select notification_id from notice_awaiting_report where case_id = ? order by 1")
                .param(caseId).query(String.class).list();
    }
}
