package org.civicdispatch.dispatch.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.avro.specific.SpecificRecord;
import org.civicdispatch.events.CaseClosed;
import org.civicdispatch.events.CaseEscalated;
import org.civicdispatch.events.CaseMerged;
import org.civicdispatch.events.CasePaused;
import org.civicdispatch.events.CaseRated;
import org.civicdispatch.events.CaseReopened;
import org.civicdispatch.events.CaseRerouted;
import org.civicdispatch.events.CaseResumed;
import org.civicdispatch.events.Closure;
import org.civicdispatch.events.DepartmentResponse;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.ExtensionGranted;
import org.civicdispatch.events.ResponseRefused;
import org.civicdispatch.events.TaskAccepted;
import org.civicdispatch.events.TaskProgressed;
import org.civicdispatch.events.TaskResolved;
import org.civicdispatch.events.TaskReturned;
import org.civicdispatch.events.TaskRole;

/**
 * The case lifecycle as practised: departments sign (接单), report progress and resolve; a department that
 * disagrees returns the case within the return window (1 working day by default) with a reason, after which it owns
 * it; the street operator re-routes a returned case or arbitrates; extensions are bounded in number and length;
 * the citizen's rating closes the case or reopens it. Department responses that do not fit are answered with
 * ResponseRefused events so the department learns why; operator commands that do not fit are refused.
 */
public final class CaseLifecycle {

    private final UnaryOperator<Instant> returnDeadline;
    private final int maxExtensions;
    private final Duration maxExtension;

    /**
     * @param returnDeadline the last instant a department may return a task dispatched at the given instant
     */
    public CaseLifecycle(UnaryOperator<Instant> returnDeadline, int maxExtensions, Duration maxExtension) {
        this.returnDeadline = returnDeadline;
        this.maxExtensions = maxExtensions;
        this.maxExtension = maxExtension;
    }

    /** The file of a freshly dispatched case: the lead task first, as dispatch issued them. */
    public static CaseFile opened(String caseId, String matterCode, List<DepartmentTask> issued) {
        Map<String, Task> tasks = new LinkedHashMap<>();
        issued.forEach(t -> tasks.put(t.getTaskId(), new Task(t, TaskStatus.DISPATCHED, 0, false)));
        String lead = issued.stream().filter(t -> t.getRole() == TaskRole.LEAD).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("case " + caseId + " has no lead task"))
                .getTaskId();
        return new CaseFile(caseId, matterCode, CaseState.DISPATCHED, tasks, lead, 1, 0, List.of(), null);
    }

    public Decision respond(CaseFile file, DepartmentResponse r, Instant now) {
        if (file.seenResponses().contains(r.getResponseId())) {
            return new Decision.Ignored();
        }
        CaseFile seen = file.seen(r.getResponseId());
        Task task = file.tasks().get(r.getTaskId());
        String refusal = refusalOf(file, task, r, now);
        if (refusal != null) {
            return applied(seen, List.of(ResponseRefused.newBuilder().setResponseId(r.getResponseId())
                    .setTaskId(r.getTaskId()).setDepartmentCode(r.getDepartmentCode()).setReason(refusal).build()));
        }
        boolean lead = task.taskId().equals(file.leadTaskId());
        return switch (r.getKind()) {
            case ACCEPTED -> applied(seen.with(lead ? CaseState.ACCEPTED : file.state(), task.with(TaskStatus.ACCEPTED)),
                    List.of(TaskAccepted.newBuilder().setTaskId(task.taskId()).setDepartmentCode(task.departmentCode())
                            .setResponseId(r.getResponseId()).setStaffId(r.getStaffId()).build()));
            case PROGRESS -> applied(seen.with(lead ? CaseState.IN_PROGRESS : file.state(),
                            task.with(TaskStatus.IN_PROGRESS)),
                    List.of(TaskProgressed.newBuilder().setTaskId(task.taskId())
                            .setDepartmentCode(task.departmentCode()).setResponseId(r.getResponseId())
                            .setNote(r.getNote()).build()));
            case RESOLVED -> applied(seen.with(lead ? CaseState.RESOLVED : file.state(), task.with(TaskStatus.RESOLVED)),
                    List.of(TaskResolved.newBuilder().setTaskId(task.taskId()).setDepartmentCode(task.departmentCode())
                            .setResponseId(r.getResponseId()).setNote(r.getNote()).build()));
            case RETURNED -> applied(seen.with(lead ? CaseState.RETURNED : file.state(), task.with(TaskStatus.RETURNED)),
                    List.of(TaskReturned.newBuilder().setTaskId(task.taskId()).setDepartmentCode(task.departmentCode())
                            .setResponseId(r.getResponseId()).setReason(r.getReturnReason()).build()));
        };
    }

    private String refusalOf(CaseFile file, Task task, DepartmentResponse r, Instant now) {
        if (!file.state().isOpen()) {
            return "case " + file.caseId() + " is closed";
        }
        if (task == null || !task.departmentCode().equals(r.getDepartmentCode())) {
            return "department " + r.getDepartmentCode() + " has no task " + r.getTaskId() + " on this case";
        }
        if (task.status() == TaskStatus.RETURNED || task.status() == TaskStatus.WITHDRAWN) {
            return "task " + task.taskId() + " was " + task.status().name().toLowerCase() + " already";
        }
        return switch (r.getKind()) {
            case RETURNED -> {
                if (r.getReturnReason() == null || r.getReturnReason().isBlank()) {
                    yield "a return must give the reason the case is not this department's";
                }
                if (task.owned() || task.status() != TaskStatus.DISPATCHED) {
                    yield "task " + task.taskId() + " was signed for or arbitrated: the department owns it";
                }
                yield now.isAfter(returnDeadline.apply(task.issued().getDispatchedAt()))
                        ? "the return window closed at " + returnDeadline.apply(task.issued().getDispatchedAt())
                        + ": the department owns the case" : null;
            }
            case ACCEPTED -> task.status() == TaskStatus.DISPATCHED ? null
                    : "task " + task.taskId() + " was signed for already";
            case PROGRESS -> task.status() == TaskStatus.RESOLVED ? "task " + task.taskId() + " is resolved" : null;
            case RESOLVED -> task.status() == TaskStatus.RESOLVED ? "task " + task.taskId() + " is resolved already"
                    : null;
        };
    }

    /**
     * The street operator sends a returned task to another department, or back to the same one (arbitration),
     * which then owns it and can no longer return it.
     */
    public Decision reroute(CaseFile file, String returnedTaskId, String toDepartment, String operator, String reason,
                            Instant now) {
        return reroute(file, returnedTaskId, toDepartment, null, operator, reason, now);
    }

    /**
     * Re-routes a returned task, or arbitrates it back to the same department. The new task keeps the returned one's
     * windows, counted from now.
     *
     * @param assignedUnit the unit at the case's place that must act when the new responder is territorial, else null
     */
    public Decision reroute(CaseFile file, String returnedTaskId, String toDepartment, String assignedUnit,
                            String operator, String reason, Instant now) {
        Task returned = file.tasks().get(returnedTaskId);
        if (returned == null || returned.status() != TaskStatus.RETURNED) {
            return new Decision.Refused("task " + returnedTaskId + " is not a returned task of " + file.caseId());
        }
        boolean arbitrated = toDepartment.equals(returned.departmentCode());
        String newTaskId = file.caseId() + "/" + toDepartment + "/" + (file.version() + 1);
        Duration signWithin = Duration.between(returned.issued().getDispatchedAt(), returned.issued().getSignBy());
        Duration resolveWithin = Duration.between(returned.issued().getDispatchedAt(),
                returned.issued().getResolveBy());
        DepartmentTask issued = DepartmentTask.newBuilder(returned.issued())
                .setTaskId(newTaskId)
                .setDepartmentCode(toDepartment)
                .setDispatchedAt(now)
                .setSignBy(now.plus(signWithin))
                .setResolveBy(now.plus(resolveWithin))
                .setArriveBy(returned.issued().getArriveBy() == null ? null : now.plus(Duration.between(
                        returned.issued().getDispatchedAt(), returned.issued().getArriveBy())))
                .setAssignedUnit(assignedUnit)
                .build();
        Task fresh = new Task(issued, TaskStatus.DISPATCHED, 0, arbitrated);
        CaseFile next = file.with(file.state(), returned.with(TaskStatus.WITHDRAWN)).with(file.state(), fresh);
        if (returnedTaskId.equals(file.leadTaskId())) {
            next = next.withLead(newTaskId).with(CaseState.DISPATCHED, null);
        }
        Decision.Applied applied = applied(next, List.of(CaseRerouted.newBuilder().setReturnedTaskId(returnedTaskId)
                .setNewTaskId(newTaskId).setToDepartment(toDepartment).setArbitrated(arbitrated)
                .setOperator(operator).setReason(reason).build()));
        return new Decision.Applied(applied.file(), applied.events(), List.of(issued));
    }

    public Decision extend(CaseFile file, String taskId, Duration extension, String operator, String reason) {
        Task task = file.tasks().get(taskId);
        if (!file.state().isOpen() || task == null || task.status() == TaskStatus.RESOLVED
                || task.status() == TaskStatus.WITHDRAWN) {
            return new Decision.Refused("task " + taskId + " is not open on " + file.caseId());
        }
        if (task.extensions() >= maxExtensions) {
            return new Decision.Refused("task " + taskId + " had its " + maxExtensions + " extensions already");
        }
        if (extension.isNegative() || extension.isZero() || extension.compareTo(maxExtension) > 0) {
            return new Decision.Refused("an extension is more than nothing and at most " + maxExtension);
        }
        return applied(file.with(file.state(), task.extendedBy(extension)), List.of(ExtensionGranted.newBuilder()
                .setTaskId(taskId).setExtensionMillis(extension.toMillis()).setExtensionNumber(task.extensions() + 1)
                .setOperator(operator).setReason(reason).build()));
    }

    /** The citizen's rating (评单): satisfied closes the case, unsatisfied sends it back to the lead department. */
    public Decision rate(CaseFile file, boolean satisfied, String comment) {
        if (file.state() != CaseState.RESOLVED) {
            return new Decision.Refused("case " + file.caseId() + " is " + file.state() + ", not resolved");
        }
        CaseRated rated = CaseRated.newBuilder().setSatisfied(satisfied).setComment(comment).build();
        if (satisfied) {
            return applied(file.with(CaseState.CLOSED, null),
                    List.of(rated, CaseClosed.newBuilder().setClosure(Closure.RATED).build()));
        }
        CaseFile reopened = file.reopened().with(CaseState.IN_PROGRESS, file.lead().with(TaskStatus.IN_PROGRESS));
        return applied(reopened, List.of(rated, CaseReopened.newBuilder()
                .setReason(comment == null ? "the citizen was not satisfied" : comment)
                .setReopenCount(reopened.reopenCount()).build()));
    }

    /** The case waits on the citizen: resolution timers fall silent until it resumes. */
    public Decision pause(CaseFile file, String operator, String reason, Instant now) {
        if (!file.state().isOpen() || file.state() == CaseState.RESOLVED) {
            return new Decision.Refused("case " + file.caseId() + " is " + file.state() + ": nothing to wait for");
        }
        if (file.isPaused()) {
            return new Decision.Refused("case " + file.caseId() + " waits on the citizen since " + file.pausedSince());
        }
        return applied(file.paused(now), List.of(CasePaused.newBuilder().setReason(reason).setOperator(operator)
                .build()));
    }

    /** The citizen answered: every open task's resolution deadline moves by the time waited. */
    public Decision resume(CaseFile file, String operator, Instant now) {
        if (!file.isPaused()) {
            return new Decision.Refused("case " + file.caseId() + " is not waiting on the citizen");
        }
        Duration waited = Duration.between(file.pausedSince(), now);
        CaseFile next = file.paused(null);
        for (Task task : file.tasks().values()) {
            if (task.isOpen()) {
                next = next.with(next.state(), task.deadlineMovedBy(waited));
            }
        }
        return applied(next, List.of(CaseResumed.newBuilder().setPausedMillis(waited.toMillis())
                .setOperator(operator).build()));
    }

    /**
     * An operator hands the case up now (督办升级): the unit reached supervises from then on. Timers keep running;
     * the escalation is on the record and tells the unit.
     */
    public Decision escalate(CaseFile file, String fromUnit, String toUnit, String operator, String reason) {
        if (!file.state().isOpen()) {
            return new Decision.Refused("case " + file.caseId() + " is " + file.state());
        }
        if (toUnit.equals(fromUnit)) {
            return new Decision.Refused("case " + file.caseId() + " is already supervised by " + toUnit);
        }
        return applied(file, List.of(CaseEscalated.newBuilder().setFromUnit(fromUnit).setToUnit(toUnit)
                .setOperator(operator).setReason(reason).build()));
    }

    public Decision merge(CaseFile file, String intoCaseId, String operator) {
        if (!file.state().isOpen()) {
            return new Decision.Refused("case " + file.caseId() + " is closed");
        }
        if (intoCaseId.equals(file.caseId())) {
            return new Decision.Refused("a case cannot be merged into itself");
        }
        return applied(file.with(CaseState.CLOSED, null), List.of(
                CaseMerged.newBuilder().setIntoCaseId(intoCaseId).setOperator(operator).build(),
                CaseClosed.newBuilder().setClosure(Closure.MERGED).setNote("merged into " + intoCaseId).build()));
    }

    private static Decision.Applied applied(CaseFile file, List<SpecificRecord> events) {
        return new Decision.Applied(file.advancedBy(events.size()), new ArrayList<>(events), List.of());
    }
}
