package org.civicdispatch.dispatch.lifecycle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicdispatch.dispatch.sla.PlannedTimer;
import org.civicdispatch.dispatch.sla.TimerPlan;
import org.civicdispatch.events.SlaStage;

/**
 * Timers are never cancelled in place: when one falls due it is checked against the case as it is then, and a
 * timer the case has outgrown (task signed, resolved, withdrawn, deadline extended, case closed) is dropped.
 */
public final class Timers {

    private Timers() {
    }

    public static boolean stillDue(CaseFile file, SlaStage stage, String taskId, Instant deadline) {
        if (file == null || !file.state().isOpen()) {
            return false;
        }
        if (file.isPaused() && stage != SlaStage.SIGN) {
            // Waiting on the citizen: resumption moves the deadlines and sets new timers.
            return false;
        }
        if (stage == SlaStage.CITIZEN_CLOCK) {
            return file.state() != CaseState.RESOLVED;
        }
        Task task = file.tasks().get(taskId);
        if (task == null || !task.isOpen()) {
            return false;
        }
        return switch (stage) {
            case SIGN -> task.status() == TaskStatus.DISPATCHED && task.issued().getSignBy().equals(deadline);
            case RESOLUTION, FEEDBACK -> task.issued().getResolveBy().equals(deadline);
            case ARRIVAL -> task.status() == TaskStatus.DISPATCHED || task.status() == TaskStatus.ACCEPTED;
            case CITIZEN_CLOCK -> true;
        };
    }

    /** Timers the change from {@code before} to {@code after} sets: new tasks' and moved deadlines'. */
    public static List<PlannedTimer> setBy(CaseFile before, CaseFile after) {
        List<PlannedTimer> timers = new ArrayList<>();
        for (Task task : after.tasks().values()) {
            Task was = before == null ? null : before.tasks().get(task.taskId());
            if (was == null) {
                timers.addAll(TimerPlan.forTask(task.issued()));
            } else if (!was.issued().getResolveBy().equals(task.issued().getResolveBy())) {
                timers.addAll(TimerPlan.forResolution(task.issued(), task.issued().getResolveBy()));
            }
        }
        return timers;
    }
}
