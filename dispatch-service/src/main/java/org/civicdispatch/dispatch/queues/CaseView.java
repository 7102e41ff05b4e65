package org.civicdispatch.dispatch.queues;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.civicdispatch.dispatch.lifecycle.CaseFile;
import org.civicdispatch.dispatch.lifecycle.Task;
import org.civicdispatch.dispatch.lifecycle.Timers;
import org.civicdispatch.dispatch.sla.PlannedTimer;
import org.civicdispatch.dispatch.sla.TimerPlan;
import org.civicdispatch.events.DepartmentTask;

/** One case as an operator sees it: its state, its tasks with their deadlines, and the timers still to fire. */
public record CaseView(String caseId, String matterCode, String state, boolean paused, Instant pausedSince,
                       String leadTaskId, String catalogVersion, String streetCode, String communityCode,
                       String gridCode, List<TaskView> tasks, List<TimerView> timers) {

    public record TaskView(String taskId, String departmentCode, String role, String status, Instant signBy,
                           Instant resolveBy, Instant arriveBy, int extensions, boolean owned, String ownerUnit,
                           String assignedUnit) {
    }

    public record TimerView(String stage, String kind, String taskId, Instant deadline, Instant dueAt,
                            String escalateToUnit) {
    }

    public static CaseView of(CaseFile file, Instant now) {
        List<TaskView> tasks = file.tasks().values().stream().sorted(Comparator.comparing(Task::taskId))
                .map(CaseView::taskView).toList();
        // Timers are derived from the tasks as they are now, filtered as they will be when they fall due.
        List<TimerView> timers = file.tasks().values().stream()
                .flatMap(t -> TimerPlan.forTask(t.issued()).stream())
                .filter(p -> p.dueAt().isAfter(now))
                .filter(p -> Timers.stillDue(file, p.stage(), p.taskId(), p.deadline()))
                .sorted(Comparator.comparing(PlannedTimer::dueAt))
                .map(p -> new TimerView(p.stage().name(), p.kind().name(), p.taskId(), p.deadline(), p.dueAt(),
                        p.escalateToUnit()))
                .toList();
        DepartmentTask lead = file.lead().issued();
        return new CaseView(file.caseId(), file.matterCode(), file.state().name(), file.isPaused(),
                file.pausedSince(), file.leadTaskId(), lead.getCatalogVersion(), lead.getLocation().getStreetCode(),
                lead.getLocation().getCommunityCode(), lead.getLocation().getGridCode(), tasks, timers);
    }

    private static TaskView taskView(Task task) {
        DepartmentTask issued = task.issued();
        return new TaskView(task.taskId(), task.departmentCode(), issued.getRole().name(), task.status().name(),
                issued.getSignBy(), issued.getResolveBy(), issued.getArriveBy(), task.extensions(), task.owned(),
                issued.getOwnerUnit(), issued.getAssignedUnit());
    }
}
