package org.civicdispatch.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.IncidentSubmission;
import org.civicdispatch.events.NotificationFailed;
import org.civicdispatch.events.NotificationRetry;
import org.civicdispatch.events.NotificationSent;
import org.civicdispatch.events.OperatorCommand;
import org.civicdispatch.events.SlaEvent;

/**
 * Every topic of the platform, declared once. Each has exactly one writer. Keys are the case id everywhere
 * (so one case's events stay in order on one partition), except submissions, keyed by channel:externalId.
 *
 * <p>Department tasks go to one topic per department rather than one keyed topic: Kafka ACLs work per topic, so a
 * department's credentials can be limited to its own tasks, and a department system subscribes without filtering
 * (and without seeing) other departments' work.
 */
public final class Topics {

    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<Party> INTERNAL = Set.of(Party.DISPATCH, Party.NOTIFICATION, Party.AUDIT);

    public static final String DEPARTMENT_TASKS_PREFIX = "department-tasks-";
    public static final String DEAD_LETTER_SUFFIX = "-dlq";

    public static final TopicSpec INCIDENT_SUBMISSIONS = new TopicSpec("incident-submissions",
            IncidentSubmission.class, "channel:externalId", Party.CHANNEL_SYSTEMS, Party.INTAKE,
            Set.of(Party.INTAKE, Party.AUDIT), true,
            "raw reports from channel systems, validated by intake");

    public static final TopicSpec INCIDENT_REPORTS = new TopicSpec("incident-reports",
            IncidentReported.class, "caseId", Party.INTAKE, Party.INTAKE, INTERNAL, true,
            "accepted complaints: the first event of every case; carries reporter contact, so internal only");

    public static final TopicSpec CASE_EVENTS = new TopicSpec("case-events",
            CaseEvent.class, "caseId", Party.DISPATCH, Party.DISPATCH,
            Set.of(Party.INTAKE, Party.NOTIFICATION, Party.AUDIT), false,
            "the case lifecycle after intake: dispatched, accepted, returned, resolved, ...");

    public static final TopicSpec DEPARTMENT_RESPONSES = new TopicSpec("department-responses",
            DepartmentResponse.class, "caseId", Party.DEPARTMENT_SYSTEMS, Party.DISPATCH,
            Set.of(Party.DISPATCH, Party.AUDIT), false,
            "accept / return / progress / resolve from department systems");

    public static final TopicSpec OPERATOR_COMMANDS = new TopicSpec("operator-commands",
            OperatorCommand.class, "caseId", Party.DISPATCH, Party.DISPATCH, Set.of(Party.DISPATCH, Party.AUDIT),
            false, "operators' decisions (re-route, extension, rating, merge), applied in order per case");

    public static final TopicSpec SLA_EVENTS = new TopicSpec("sla-events",
            SlaEvent.class, "caseId", Party.DISPATCH, Party.DISPATCH,
            Set.of(Party.NOTIFICATION, Party.AUDIT), false,
            "reminders, breaches and escalations fired by SLA timers");

    public static final TopicSpec NOTIFICATIONS = new TopicSpec("notifications",
            NotificationSent.class, "caseId", Party.NOTIFICATION, Party.NOTIFICATION,
            Set.of(Party.AUDIT), false,
            "every notice delivered, with a pseudonymous recipient");

    public static final TopicSpec NOTIFICATION_FAILURES = new TopicSpec("notification-failures",
            NotificationFailed.class, "caseId", Party.NOTIFICATION, Party.NOTIFICATION,
            Set.of(Party.AUDIT), false,
            "every failed delivery attempt of a notice, and whether it will be retried or was dead-lettered");

    public static final TopicSpec NOTIFICATION_RETRIES = new TopicSpec("notification-retries",
            NotificationRetry.class, "caseId", Party.NOTIFICATION, Party.NOTIFICATION,
            Set.of(Party.NOTIFICATION, Party.AUDIT), false,
            "notices to try again after a delay; notification writes and reads them itself");

    private Topics() {
    }

    /** The task topic of one department; only dispatch writes it, only that department (and audit) reads it. */
    public static TopicSpec departmentTasks(String departmentCode) {
        return new TopicSpec(DEPARTMENT_TASKS_PREFIX + departmentCode, DepartmentTask.class, "caseId",
                Party.DISPATCH, Party.DISPATCH, Set.of(Party.DEPARTMENT_SYSTEMS, Party.AUDIT), false,
                "tasks for department " + departmentCode + ", with no citizen personal data");
    }

    /** The dead-letter topic of one consuming service: records it could not read or process, with the reason. */
    public static TopicSpec deadLetters(Party consumer) {
        return new TopicSpec(consumer.serviceName() + DEAD_LETTER_SUFFIX, null, "as received", consumer, consumer,
                Set.of(Party.AUDIT), true, "records " + consumer.serviceName() + " refused, reason in headers");
    }

    /**
     * The fixed topics plus one task topic per department and one DLQ per consuming service. Audit has none: it
     * stores even unreadable records, with the reason, and retries its database without end.
     */
    public static List<TopicSpec> all(Collection<String> departmentCodes) {
        List<TopicSpec> topics = new ArrayList<>(List.of(
                INCIDENT_SUBMISSIONS, INCIDENT_REPORTS, CASE_EVENTS, DEPARTMENT_RESPONSES, OPERATOR_COMMANDS,
                SLA_EVENTS, NOTIFICATIONS, NOTIFICATION_FAILURES, NOTIFICATION_RETRIES));
        departmentCodes.stream().sorted().map(Topics::departmentTasks).forEach(topics::add);
        for (Party consumer : List.of(Party.INTAKE, Party.DISPATCH, Party.NOTIFICATION)) {
            topics.add(deadLetters(consumer));
        }
        return topics;
    }

    /** The topics a service creates at start-up. */
    public static List<TopicSpec> provisionedBy(Party service, Collection<String> departmentCodes) {
        return all(departmentCodes).stream().filter(t -> t.provisioner() == service).toList();
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
