package org.civicdispatch.notification.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.civicdispatch.events.Audience;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.NotificationChannel;
import org.civicdispatch.events.Reporter;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.Tier;
import org.civicdispatch.events.TaskResolved;

/**
 * Who is told what when a case moves: the citizen hears that the report was received, where it went, that it was
 * resolved, and is asked to rate the result (回访); the staff of every department with a task hear that there is new
 * work, and of reminders, urging and escalations; the grid workers of a grid-tier case hear of it too. Notices go
 * to pseudonymous inboxes; {@link DeliveryPlanning} fans them out to SMS, e-mail and webhooks. Their text never
 * repeats the report's description or the reporter's contact details.
 */
public final class Notifying {

    static final String CITIZEN_RECEIVED = "citizen.received";
    static final String CITIZEN_DISPATCHED = "citizen.dispatched";
    static final String CITIZEN_RESOLVED = "citizen.resolved";
    static final String CITIZEN_RATING_REQUEST = "citizen.rating-request";
    static final String STAFF_NEW_TASK = "staff.new-task";
    static final String GRID_NEW_TASK = "grid.new-task";
    static final String STAFF_SLA_REMINDER = "staff.sla-reminder";
    static final String STAFF_SLA_BREACH = "staff.sla-breach";
    static final String STAFF_SLA_ESCALATION = "staff.sla-escalation";
    private static final Locale STAFF_LOCALE = NoticeTemplates.CHINESE;
    private static final int LEAD = 0;
    private static final int ASSISTING = 1;

    private final NoticeTemplates templates;

    public Notifying(NoticeTemplates templates) {
        this.templates = templates;
    }

    public List<Notice> onReported(IncidentReported report) {
        String caseId = report.getCaseId();
        Reporter reporter = report.getReporter();
        Locale locale = NoticeTemplates.supportedLocale(reporter == null ? null : reporter.getPreferredLocale());
        return List.of(notice(reportedEventId(caseId), caseId, Audience.CITIZEN, citizenOf(caseId),
                CITIZEN_RECEIVED, locale, false, caseId));
    }

    /** Case events without a citizen known to this service, in the default language. */
    public List<Notice> onCaseEvent(CaseEvent event) {
        return onCaseEvent(event, CaseFacts.UNKNOWN);
    }

    /**
     * {@code facts} are what this service remembers of the case from earlier events (the citizen's language, the
     * lead department). Case events this service has no rule for yield no notices.
     */
    public List<Notice> onCaseEvent(CaseEvent event, CaseFacts facts) {
        Locale citizen = NoticeTemplates.supportedLocale(facts.citizenLocale());
        if (event.getPayload() instanceof IncidentDispatched dispatched) {
            return onDispatched(event.getEventId(), event.getCaseId(), dispatched, citizen);
        }
        if (event.getPayload() instanceof TaskResolved resolved
                && (facts.leadDepartment() == null || facts.leadDepartment().equals(resolved.getDepartmentCode()))) {
            // Assisting departments report alongside; the citizen hears once, when the lead task is done.
            String caseId = event.getCaseId();
            return List.of(
                    notice(event.getEventId(), caseId, Audience.CITIZEN, citizenOf(caseId), CITIZEN_RESOLVED,
                            citizen, false, caseId),
                    // The call-back is a message of its own (its own id), so a citizen who missed the first can
                    // still be asked, and audit counts rating requests.
                    notice(ratingRequestEventId(event.getEventId()), caseId, Audience.CITIZEN, citizenOf(caseId),
                            CITIZEN_RATING_REQUEST, citizen, false, caseId));
        }
        return List.of();
    }

    /**
     * Supervision (督办): the department whose task it is hears of a reminder, a breach and an escalation; an
     * escalation also reaches the operators of the tier it climbed to. Breaches and escalations are urgent: they
     * reach staff even in quiet hours. The citizen's own clock is for supervisors and the audit.
     */
    public List<Notice> onSlaEvent(SlaEvent event) {
        if (event.getDepartmentCode() == null) {
            return List.of();
        }
        String department = "department:" + event.getDepartmentCode();
        Object[] args = {event.getCaseId(), event.getStage().name(), event.getDeadline().toString(),
                event.getEscalatedTo() == null ? "" : event.getEscalatedTo().name()};
        boolean urgent = event.getKind() != SlaEventKind.REMINDER;
        return switch (event.getKind()) {
            case REMINDER -> List.of(notice(event.getEventId(), event.getCaseId(), Audience.DEPARTMENT_STAFF,
                    department, STAFF_SLA_REMINDER, STAFF_LOCALE, urgent, args));
            case BREACH -> List.of(notice(event.getEventId(), event.getCaseId(), Audience.DEPARTMENT_STAFF,
                    department, STAFF_SLA_BREACH, STAFF_LOCALE, urgent, args));
            case ESCALATION -> List.of(
                    notice(event.getEventId(), event.getCaseId(), Audience.DEPARTMENT_STAFF, department,
                            STAFF_SLA_ESCALATION, STAFF_LOCALE, urgent, args),
                    notice(event.getEventId(), event.getCaseId(), Audience.DEPARTMENT_STAFF,
                            escalationRecipient(event), STAFF_SLA_ESCALATION, STAFF_LOCALE, urgent, args));
        };
    }

    /** The operators of the unit an escalation reaches (its street, say), or of its tier when no unit is known. */
    private static String escalationRecipient(SlaEvent event) {
        return event.getEscalatedToUnit() != null ? "unit:" + event.getEscalatedToUnit()
                : "tier:" + event.getEscalatedTo();
    }

    private List<Notice> onDispatched(String eventId, String caseId, IncidentDispatched dispatched, Locale citizen) {
        String lead = dispatched.getLeadDepartment();
        List<Notice> notices = new ArrayList<>();
        notices.add(notice(eventId, caseId, Audience.CITIZEN, citizenOf(caseId), CITIZEN_DISPATCHED, citizen, false,
                caseId, lead));
        notices.add(staffNotice(eventId, caseId, dispatched, lead, LEAD));
        dispatched.getAssistingDepartments().stream().distinct().filter(department -> !department.equals(lead))
                .forEach(department -> notices.add(staffNotice(eventId, caseId, dispatched, department, ASSISTING)));
        if (dispatched.getTier() == Tier.GRID && dispatched.getOwnerUnit() != null) {
            // Small matters stay in the grid: its grid workers go and look.
            notices.add(notice(eventId, caseId, Audience.GRID_WORKER, "unit:" + dispatched.getOwnerUnit(),
                    GRID_NEW_TASK, STAFF_LOCALE, false, caseId, dispatched.getMatterCode()));
        }
        return List.copyOf(notices);
    }

    private Notice staffNotice(String eventId, String caseId, IncidentDispatched dispatched, String department,
                               int role) {
        return notice(eventId, caseId, Audience.DEPARTMENT_STAFF, "department:" + department, STAFF_NEW_TASK,
                STAFF_LOCALE, false, caseId, dispatched.getMatterCode(), role);
    }

    private Notice notice(String sourceEventId, String caseId, Audience audience, String recipientRef,
                          String templateId, Locale locale, boolean urgent, Object... arguments) {
        return new Notice(Notice.idOf(sourceEventId, audience, recipientRef, NotificationChannel.IN_APP), caseId,
                sourceEventId, audience, recipientRef, NotificationChannel.IN_APP, templateId,
                locale.toLanguageTag(), templates.render(templateId, locale, arguments), urgent);
    }

    /** IncidentReported has no event id of its own; the case id is unique to it, as it opens the case. */
    static String reportedEventId(String caseId) {
        return "reported:" + caseId;
    }

    static String ratingRequestEventId(String resolvedEventId) {
        return resolvedEventId + "/rating-request";
    }

    public static String citizenOf(String caseId) {
        return "citizen-of:" + caseId;
    }
}
