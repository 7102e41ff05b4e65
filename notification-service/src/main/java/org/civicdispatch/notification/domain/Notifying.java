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

/**
 * Who is told what when a case moves: the citizen hears that the report was received and where it went; the staff
 * of every department with a task hear that there is new work. Notices go to pseudonymous inboxes only, and their
 * text never repeats the report's description or the reporter's contact details.
 */
public final class Notifying {

    static final String CITIZEN_RECEIVED = "citizen.received";
    static final String CITIZEN_DISPATCHED = "citizen.dispatched";
    static final String STAFF_NEW_TASK = "staff.new-task";
    static final String STAFF_SLA_REMINDER = "staff.sla-reminder";
    static final String STAFF_SLA_BREACH = "staff.sla-breach";
    static final String STAFF_SLA_ESCALATION = "staff.sla-escalation";
    // The only channel so far; SMS, e-mail and webhooks will be chosen here per audience and preference.
    private static final NotificationChannel CHANNEL = NotificationChannel.IN_APP;
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
                CITIZEN_RECEIVED, locale, caseId));
    }

    /** Case events this service has no rule for yet yield no notices. */
    public List<Notice> onCaseEvent(CaseEvent event) {
        if (event.getPayload() instanceof IncidentDispatched dispatched) {
            return onDispatched(event.getEventId(), event.getCaseId(), dispatched);
        }
        return List.of();
    }

    /**
     * Supervision (督办): the department whose task it is hears of a reminder, a breach and an escalation; an
     * escalation also reaches the operators of the tier it climbed to. The citizen's own clock is for supervisors
     * and the audit, not a message to the citizen.
     */
    public List<Notice> onSlaEvent(SlaEvent event) {
        if (event.getDepartmentCode() == null) {
            return List.of();
        }
        String department = "department:" + event.getDepartmentCode();
        Object[] args = {event.getCaseId(), event.getStage().name(), event.getDeadline().toString(),
                event.getEscalatedTo() == null ? "" : event.getEscalatedTo().name()};
        return switch (event.getKind()) {
            case REMINDER -> List.of(notice(event.getEventId(), event.getCaseId(), Audience.DEPARTMENT_STAFF,
                    department, STAFF_SLA_REMINDER, STAFF_LOCALE, args));
            case BREACH -> List.of(notice(event.getEventId(), event.getCaseId(), Audience.DEPARTMENT_STAFF,
                    department, STAFF_SLA_BREACH, STAFF_LOCALE, args));
            case ESCALATION -> List.of(
                    notice(event.getEventId(), event.getCaseId(), Audience.DEPARTMENT_STAFF, department,
                            STAFF_SLA_ESCALATION, STAFF_LOCALE, args),
                    notice(event.getEventId(), event.getCaseId(), Audience.DEPARTMENT_STAFF,
                            escalationRecipient(event), STAFF_SLA_ESCALATION, STAFF_LOCALE, args));
        };
    }

    /** The operators of the unit an escalation reaches (its street, say), or of its tier when no unit is known. */
    private static String escalationRecipient(SlaEvent event) {
        return event.getEscalatedToUnit() != null ? "unit:" + event.getEscalatedToUnit()
                : "tier:" + event.getEscalatedTo();
    }

    private List<Notice> onDispatched(String eventId, String caseId, IncidentDispatched dispatched) {
        String lead = dispatched.getLeadDepartment();
        List<Notice> notices = new ArrayList<>();
        // CaseEvent does not carry the reporter's preferred locale, so this notice is in the default language.
        notices.add(notice(eventId, caseId, Audience.CITIZEN, citizenOf(caseId), CITIZEN_DISPATCHED,
                NoticeTemplates.CHINESE, caseId, lead));
        notices.add(staffNotice(eventId, caseId, dispatched, lead, LEAD));
        dispatched.getAssistingDepartments().stream().distinct().filter(department -> !department.equals(lead))
                .forEach(department -> notices.add(staffNotice(eventId, caseId, dispatched, department, ASSISTING)));
        return List.copyOf(notices);
    }

    private Notice staffNotice(String eventId, String caseId, IncidentDispatched dispatched, String department,
                               int role) {
        return notice(eventId, caseId, Audience.DEPARTMENT_STAFF, "department:" + department, STAFF_NEW_TASK,
                STAFF_LOCALE, caseId, dispatched.getMatterCode(), role);
    }

    private Notice notice(String sourceEventId, String caseId, Audience audience, String recipientRef,
                          String templateId, Locale locale, Object... arguments) {
        return new Notice(Notice.idOf(sourceEventId, audience, recipientRef, CHANNEL), caseId, sourceEventId,
                audience, recipientRef, CHANNEL, templateId, locale.toLanguageTag(),
                templates.render(templateId, locale, arguments));
    }

    /** IncidentReported has no event id of its own; the case id is unique to it, as it opens the case. */
    static String reportedEventId(String caseId) {
        return "reported:" + caseId;
    }

    static String citizenOf(String caseId) {
        return "citizen-of:" + caseId;
    }
}
