package org.civicdispatch.assessment.model;

import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.civicdispatch.events.CaseClosed;
import org.civicdispatch.events.CaseEvent;
import org.civicdispatch.events.CaseRated;
import org.civicdispatch.events.CaseReopened;
import org.civicdispatch.events.CaseRerouted;
import org.civicdispatch.events.CaseResumed;
import org.civicdispatch.events.Closure;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.ExtensionGranted;
import org.civicdispatch.events.IncidentDispatched;
import org.civicdispatch.events.IncidentReported;
import org.civicdispatch.events.SlaEvent;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.TaskAccepted;
import org.civicdispatch.events.TaskProgressed;
import org.civicdispatch.events.TaskResolved;
import org.civicdispatch.events.TaskReturned;

/**
 * What assessment keeps of one case: only the facts the formulas count, never personal data. Immutable; each event
 * gives the next value. Facts from different topics touch different fields, so the topics may interleave in any
 * way; the case stream itself must come in its own order (it does: one partition per case).
 *
 * @param dispatchedAt       when dispatch routed the case: the instant that decides the period it counts in
 * @param leadTaskId         the lead task now (a re-routed lead task hands over to the new one)
 * @param leadDepartment     the department of the lead task now, from the case stream
 * @param lastRatingSatisfied the citizen's latest rating, null while not rated
 * @param closure            how the case closed, null while open
 * @param seenEvents         ids of case events applied, so a redelivered event changes nothing
 */
public record CaseFacts(String caseId, Place reportedPlace, Instant dispatchedAt, String leadTaskId,
                        String leadDepartment, Map<String, TaskFacts> tasks, int ratings, Boolean lastRatingSatisfied,
                        int reopens, Closure closure, Set<String> seenEvents) {

    public CaseFacts {
        tasks = Collections.unmodifiableMap(new TreeMap<>(tasks));
        seenEvents = Set.copyOf(seenEvents);
    }

    static CaseFacts unseen(String caseId) {
        return new CaseFacts(caseId, null, null, null, null, Map.of(), 0, null, 0, null, Set.of());
    }

    /**
     * Where the case is: the place on its lead task (what departments were told), else on any task, else on the
     * report.
     */
    public Place place() {
        TaskFacts lead = leadTaskId == null ? null : tasks.get(leadTaskId);
        if (lead != null && lead.issue() != null && lead.issue().place().isKnown()) {
            return lead.issue().place();
        }
        return tasks.values().stream().filter(t -> t.issue() != null && t.issue().place().isKnown())
                .map(t -> t.issue().place()).findFirst()
                .orElse(reportedPlace == null ? Place.UNKNOWN : reportedPlace);
    }

    /** The lead task's status now, or null before the case was dispatched. */
    public TaskStatus leadStatus() {
        TaskFacts lead = leadTaskId == null ? null : tasks.get(leadTaskId);
        return lead == null ? null : lead.progress().status();
    }

    CaseFacts reported(IncidentReported report) {
        return new CaseFacts(caseId, Place.of(report.getLocation()), dispatchedAt, leadTaskId, leadDepartment, tasks,
                ratings, lastRatingSatisfied, reopens, closure, seenEvents);
    }

    CaseFacts issued(DepartmentTask task) {
        return withTask(task.getTaskId(), t -> t.issued(TaskIssue.of(task)));
    }

    CaseFacts marked(SlaEvent sla) {
        if (sla.getTaskId() == null) {
            return this; // the citizen's clock: no department's task
        }
        if (sla.getKind() == SlaEventKind.BREACH) {
            return withTask(sla.getTaskId(), t -> t.breached(sla.getEventId()));
        }
        if (sla.getKind() == SlaEventKind.ESCALATION) {
            return withTask(sla.getTaskId(), t -> t.escalated(sla.getEventId()));
        }
        return this;
    }

    boolean hasSeen(String eventId) {
        return seenEvents.contains(eventId);
    }

    /** The case event applied, as dispatch's lifecycle applied the decision that wrote it. */
    CaseFacts folded(CaseEvent event) {
        Set<String> seen = new HashSet<>(seenEvents);
        seen.add(event.getEventId());
        CaseFacts marked = new CaseFacts(caseId, reportedPlace, dispatchedAt, leadTaskId, leadDepartment, tasks,
                ratings, lastRatingSatisfied, reopens, closure, seen);
        return marked.after(event.getPayload(), event.getOccurredAt());
    }

    private CaseFacts after(Object payload, Instant at) {
        if (payload instanceof IncidentDispatched d) {
            return dispatched(d, at);
        }
        if (payload instanceof TaskAccepted a) {
            return withTask(a.getTaskId(), t -> t.progressed(p -> p.answered(TaskStatus.ACCEPTED, at)));
        }
        if (payload instanceof TaskProgressed p) {
            return withTask(p.getTaskId(), t -> t.progressed(x -> x.answered(TaskStatus.IN_PROGRESS, at)));
        }
        if (payload instanceof TaskResolved r) {
            return withTask(r.getTaskId(), t -> t.progressed(p -> p.answered(TaskStatus.RESOLVED, at)));
        }
        if (payload instanceof TaskReturned r) {
            return withTask(r.getTaskId(), t -> t.progressed(p -> p.answered(TaskStatus.RETURNED, at)));
        }
        if (payload instanceof CaseRerouted r) {
            return rerouted(r);
        }
        if (payload instanceof ExtensionGranted e) {
            return withTask(e.getTaskId(), t -> t.progressed(p -> p.shiftedBy(e.getExtensionMillis())));
        }
        if (payload instanceof CaseResumed r) {
            return eachTask(t -> t.progress().status().isOpen()
                    ? t.progressed(p -> p.shiftedBy(r.getPausedMillis())) : t);
        }
        if (payload instanceof CaseRated r) {
            return new CaseFacts(caseId, reportedPlace, dispatchedAt, leadTaskId, leadDepartment, tasks, ratings + 1,
                    r.getSatisfied(), reopens, closure, seenEvents);
        }
        if (payload instanceof CaseReopened) {
            CaseFacts reopened = new CaseFacts(caseId, reportedPlace, dispatchedAt, leadTaskId, leadDepartment, tasks,
                    ratings, lastRatingSatisfied, reopens + 1, closure, seenEvents);
            return leadTaskId == null ? reopened
                    : reopened.withTask(leadTaskId, t -> t.progressed(p -> p.withStatus(TaskStatus.IN_PROGRESS)));
        }
        if (payload instanceof CaseClosed c) {
            CaseFacts closed = new CaseFacts(caseId, reportedPlace, dispatchedAt, leadTaskId, leadDepartment, tasks,
                    ratings, lastRatingSatisfied, reopens, c.getClosure(), seenEvents);
            return c.getClosure() == Closure.RATED ? closed
                    : closed.eachTask(t -> t.progressed(TaskProgress::cancelledIfUnanswered));
        }
        // Pauses (the resumption carries the time waited), merges (CaseClosed follows), escalations and refusals
        // change nothing assessment counts.
        return this;
    }

    private CaseFacts dispatched(IncidentDispatched d, Instant at) {
        List<String> taskIds = d.getTaskIds();
        CaseFacts next = new CaseFacts(caseId, reportedPlace, at, taskIds.isEmpty() ? null : taskIds.get(0),
                d.getLeadDepartment(), tasks, ratings, lastRatingSatisfied, reopens, closure, seenEvents);
        for (String taskId : taskIds) {
            next = next.withTask(taskId, UnaryOperator.identity());
        }
        return next;
    }

    private CaseFacts rerouted(CaseRerouted r) {
        CaseFacts next = withTask(r.getReturnedTaskId(), t -> t.progressed(p -> p.withStatus(TaskStatus.WITHDRAWN)))
                .withTask(r.getNewTaskId(), UnaryOperator.identity());
        if (!r.getReturnedTaskId().equals(leadTaskId)) {
            return next;
        }
        return new CaseFacts(caseId, reportedPlace, dispatchedAt, r.getNewTaskId(), r.getToDepartment(), next.tasks,
                ratings, lastRatingSatisfied, reopens, closure, next.seenEvents);
    }

    private CaseFacts withTask(String taskId, UnaryOperator<TaskFacts> change) {
        Map<String, TaskFacts> next = new TreeMap<>(tasks);
        next.put(taskId, change.apply(tasks.getOrDefault(taskId, TaskFacts.unseen(taskId))));
        return withTasks(next);
    }

    private CaseFacts eachTask(UnaryOperator<TaskFacts> change) {
        Map<String, TaskFacts> next = new TreeMap<>();
        tasks.forEach((id, task) -> next.put(id, change.apply(task)));
        return withTasks(next);
    }

    private CaseFacts withTasks(Map<String, TaskFacts> next) {
        return new CaseFacts(caseId, reportedPlace, dispatchedAt, leadTaskId, leadDepartment, next, ratings,
                lastRatingSatisfied, reopens, closure, seenEvents);
    }
}
