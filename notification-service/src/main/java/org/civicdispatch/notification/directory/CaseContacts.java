package org.civicdispatch.notification.directory;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.civicdispatch.notification.domain.CaseFacts;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The reporter's contact data and the case facts later notices need, kept from incident-reports and case-events
 * (which carry no contact data). Keyed by case id; written idempotently, so a redelivered event changes nothing.
 */
public class CaseContacts {

    private final JdbcClient jdbc;
    private final Clock clock;

    public CaseContacts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Called for every report, with or without contact data: the case's report is then known. Once the case is
     * closed its reporter's phone and e-mail are not taken again (a late or republished report would bring them
     * back after they were deleted).
     */
    public void rememberReporter(String caseId, String phone, String email, String locale) {
        Timestamp now = now();
        jdbc.sql("""
                insert into case_contact (case_id, phone, email, locale, reported_at, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (case_id) do update set
                    phone = case when case_contact.closed_at is null then excluded.phone end,
                    email = case when case_contact.closed_at is null then excluded.email end,
                    locale = excluded.locale,
                    reported_at = coalesce(case_contact.reported_at, excluded.reported_at),
                    updated_at = excluded.updated_at""")
                .params(caseId, blankToNull(phone), blankToNull(email), locale, now, now).update();
    }

    public void rememberLead(String caseId, String department) {
        jdbc.sql("""
                insert into case_contact (case_id, lead_department, updated_at) values (?, ?, ?)
                on conflict (case_id) do update set lead_department = excluded.lead_department,
                    updated_at = excluded.updated_at""")
                .params(caseId, department, now()).update();
    }

    /**
     * Forgets the reporter's phone and e-mail once the case is closed, and remembers that it is (even before its
     * report was seen); the case facts stay for late events.
     */
    public void forget(String caseId) {
        Timestamp now = now();
        jdbc.sql("""
                insert into case_contact (case_id, closed_at, updated_at) values (?, ?, ?)
                on conflict (case_id) do update set phone = null, email = null,
                    closed_at = coalesce(case_contact.closed_at, excluded.closed_at),
                    updated_at = excluded.updated_at""")
                .params(caseId, now, now).update();
    }

    /**
     * What notification knows of a case, and whether its report has been handled (until then its citizen's notices
     * wait for it), in one read: a case event needs both.
     */
    public record Known(CaseFacts facts, boolean reported) {

        static final Known NOTHING = new Known(CaseFacts.UNKNOWN, false);
    }

    public Known known(String caseId) {
        return jdbc.sql("select locale, lead_department, reported_at is not null from case_contact where case_id = ?")
                .param(caseId)
                .query((rs, n) -> new Known(new CaseFacts(rs.getString(1), rs.getString(2)), rs.getBoolean(3)))
                .optional().orElse(Known.NOTHING);
    }

    /** Whether the case's report has been handled. */
    public boolean reported(String caseId) {
        return known(caseId).reported();
    }

    public Optional<Contact> citizen(String caseId) {
        return jdbc.sql("select phone, email from case_contact where case_id = ?").param(caseId)
                .query((rs, n) -> new Contact(listOf(rs.getString(1)), listOf(rs.getString(2)), null)).optional();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static java.util.List<String> listOf(String value) {
        return value == null ? java.util.List.of() : java.util.List.of(value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
