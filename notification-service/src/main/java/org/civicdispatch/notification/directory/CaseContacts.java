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

    public void rememberReporter(String caseId, String phone, String email, String locale) {
        jdbc.sql("""
                insert into case_contact (case_id, phone, email, locale, updated_at) values (?, ?, ?, ?, ?)
                on conflict (case_id) do update set phone = excluded.phone, email = excluded.email,
                    locale = excluded.locale, updated_at = excluded.updated_at""")
                .params(caseId, blankToNull(phone), blankToNull(email), locale, now()).update();
    }

    public void rememberLead(String caseId, String department) {
        jdbc.sql("""
                insert into case_contact (case_id, lead_department, updated_at) values (?, ?, ?)
                on conflict (case_id) do update set lead_department = excluded.lead_department,
                    updated_at = excluded.updated_at""")
                .params(caseId, department, now()).update();
    }

    /** Forgets the reporter's phone and e-mail once the case is closed; the case facts stay for late events. */
    public void forget(String caseId) {
        jdbc.sql("update case_contact set phone = null, email = null, updated_at = ? where case_id = ?")
                .params(now(), caseId).update();
    }

    public CaseFacts facts(String caseId) {
        return jdbc.sql("select locale, lead_department from case_contact where case_id = ?").param(caseId)
                .query((rs, n) -> new CaseFacts(rs.getString(1), rs.getString(2))).optional()
                .orElse(CaseFacts.UNKNOWN);
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
