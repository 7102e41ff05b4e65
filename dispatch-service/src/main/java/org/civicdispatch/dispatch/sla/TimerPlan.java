package org.civicdispatch.dispatch.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.civicdispatch.dispatch.routing.Territories;
import org.civicdispatch.events.DepartmentTask;
import org.civicdispatch.events.SlaEventKind;
import org.civicdispatch.events.SlaStage;
import org.civicdispatch.events.Tier;

/**
 * Which timers a task sets: for being on site (whistle matters), signing and resolving, a reminder (催办) when a
 * quarter of the window is left, the breach with an urging notice (督办) at the deadline, then escalations up the
 * matter's chain, one step each time the breach has lasted another quarter of the window (at least 15 minutes).
 * The citizen's own clock, from intake, breaches once.
 */
public final class TimerPlan {

    static final Duration MIN_ESCALATION_DELAY = Duration.ofMinutes(15);

    private TimerPlan() {
    }

    public static List<PlannedTimer> forTask(DepartmentTask task) {
        List<PlannedTimer> timers = new ArrayList<>();
        if (task.getArriveBy() != null) {
            stage(timers, task, SlaStage.ARRIVAL, task.getArriveBy());
        }
        stage(timers, task, SlaStage.SIGN, task.getSignBy());
        stage(timers, task, SlaStage.RESOLUTION, task.getResolveBy());
        return timers;
    }

    /** The resolution timers after the deadline moved (an extension). */
    public static List<PlannedTimer> forResolution(DepartmentTask task, Instant newDeadline) {
        List<PlannedTimer> timers = new ArrayList<>();
        stage(timers, task, SlaStage.RESOLUTION, newDeadline);
        return timers;
    }

    public static PlannedTimer citizenClock(String caseId, Instant deadline) {
        return new PlannedTimer(caseId, null, null, SlaStage.CITIZEN_CLOCK, SlaEventKind.BREACH, deadline, deadline,
                null, null, null);
    }

    /** The tier an escalation reaches: one up, the district being the top. */
    public static Tier above(Tier tier) {
        return switch (tier) {
            case GRID -> Tier.COMMUNITY;
            case COMMUNITY -> Tier.STREET;
            case STREET, DISTRICT -> Tier.DISTRICT;
        };
    }

    /** The task's chain, or one tier up for tasks issued without one. */
    public static List<Tier> chainOf(DepartmentTask task) {
        return task.getEscalationChain().isEmpty() ? List.of(above(task.getTier())) : task.getEscalationChain();
    }

    private static void stage(List<PlannedTimer> timers, DepartmentTask task, SlaStage stage, Instant deadline) {
        Duration window = Duration.between(task.getDispatchedAt(), deadline);
        Duration quarter = window.dividedBy(4);
        Duration escalateEvery = quarter.compareTo(MIN_ESCALATION_DELAY) < 0 ? MIN_ESCALATION_DELAY : quarter;
        timers.add(timer(task, stage, SlaEventKind.REMINDER, deadline, deadline.minus(quarter), null));
        timers.add(timer(task, stage, SlaEventKind.BREACH, deadline, deadline, null));
        Tier from = task.getTier();
        Instant dueAt = deadline;
        for (Tier to : chainOf(task)) {
            dueAt = dueAt.plus(escalateEvery);
            timers.add(new PlannedTimer(task.getCaseId(), task.getTaskId(), task.getDepartmentCode(), stage,
                    SlaEventKind.ESCALATION, deadline, dueAt, from, to, Territories.unitOf(task.getLocation(), to)));
            from = to;
        }
    }

    private static PlannedTimer timer(DepartmentTask task, SlaStage stage, SlaEventKind kind, Instant deadline,
                                      Instant dueAt, Tier escalateTo) {
        return new PlannedTimer(task.getCaseId(), task.getTaskId(), task.getDepartmentCode(), stage, kind, deadline,
                dueAt, task.getTier(), escalateTo, null);
    }
}
