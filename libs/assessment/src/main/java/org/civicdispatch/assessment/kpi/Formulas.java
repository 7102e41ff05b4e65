package org.civicdispatch.assessment.kpi;

import java.util.Map;
import org.civicdispatch.assessment.model.CaseFacts;
import org.civicdispatch.assessment.model.TaskFacts;
import org.civicdispatch.assessment.model.TaskStatus;
import org.civicdispatch.events.Closure;

/**
 * Every assessment formula, defined once: what a task or case counts as, each rate, and the composite score.
 * FORMULAS.md explains and justifies each; keep the two in step. A rate with nothing to count is {@code n/a}
 * ({@link Rate#value()} null).
 */
public final class Formulas {

    private Formulas() {
    }

    // ---- what counts -------------------------------------------------------------------------------------------

    /**
     * A case is assessed once dispatched, unless it was closed without a rating (merged into another case as a
     * duplicate, or withdrawn): those were never the departments' to resolve.
     */
    public static boolean isAssessed(CaseFacts c) {
        return c.dispatchedAt() != null && (c.closure() == null || c.closure() == Closure.RATED);
    }

    /**
     * A task is assessed when its case was dispatched and the department's task record is known (it carries the
     * deadlines), unless the case closed without a rating before the department answered. A task returned and
     * re-routed still counts for the department that returned it; the new task counts for the new department.
     */
    public static boolean isAssessed(CaseFacts c, TaskFacts t) {
        return c.dispatchedAt() != null && t.issue() != null && !t.progress().cancelled();
    }

    /** Signed for (签收): the department gave a first answer of any kind — accepted, returned, progress, resolved. */
    public static boolean isAnswered(TaskFacts t) {
        return t.progress().firstAnswerAt() != null;
    }

    /** Signed for by the signing deadline: the first answer at or before {@code signBy}. */
    public static boolean isAnsweredOnTime(TaskFacts t) {
        return isAnswered(t) && !t.progress().firstAnswerAt().isAfter(t.issue().signBy());
    }

    /** The department reported the task resolved (办结), at least once. */
    public static boolean isResolved(TaskFacts t) {
        return t.progress().firstResolvedAt() != null;
    }

    /**
     * First resolved at or before the resolution deadline in force at that moment: {@code resolveBy} as issued,
     * moved by the extensions granted and the citizen waits resumed before it.
     */
    public static boolean isResolvedOnTime(TaskFacts t) {
        return isResolved(t) && !t.progress().firstResolvedAt()
                .isAfter(t.issue().resolveBy().plusMillis(t.progress().shiftAtFirstResolution()));
    }

    /** Returned as wrongly routed (退单). */
    public static boolean isReturned(TaskFacts t) {
        return t.progress().returned();
    }

    /** Resolved: the case's lead task (after any re-routing and reopening) stands resolved now. */
    public static boolean isResolved(CaseFacts c) {
        return c.leadStatus() == TaskStatus.RESOLVED;
    }

    /** Rated by the citizen (评单) at least once. */
    public static boolean isRated(CaseFacts c) {
        return c.ratings() > 0;
    }

    /** Reopened at least once after an unsatisfied rating (重办). */
    public static boolean isReopened(CaseFacts c) {
        return c.reopens() > 0;
    }

    /** Satisfied by the citizen's latest rating: the final verdict, after any redone work. */
    public static boolean isSatisfied(CaseFacts c) {
        return Boolean.TRUE.equals(c.lastRatingSatisfied());
    }

    /** The counts one assessed task adds to its department's (and its place's) tally. */
    public static Tally countTask(TaskFacts t) {
        return new Tally(1, one(isAnswered(t)), one(isAnsweredOnTime(t)), one(isResolved(t)),
                one(isResolvedOnTime(t)), one(isReturned(t)), 0, 0, 0, 0, 0, t.breaches().size(),
                t.escalations().size());
    }

    /** The counts one assessed case adds to its lead department's (and its place's) tally. */
    public static Tally countCase(CaseFacts c) {
        return new Tally(0, 0, 0, 0, 0, 0, 1, one(isResolved(c)), one(isRated(c)), one(isReopened(c)),
                one(isSatisfied(c)), 0, 0);
    }

    // ---- the rates ---------------------------------------------------------------------------------------------

    /** 响应率 Response rate = tasks signed for / tasks assessed. */
    public static Rate responseRate(Tally t) {
        return Rate.of(t.tasksAnswered(), t.tasks());
    }

    /** 按时签收率 On-time signing rate = tasks signed for by {@code signBy} / tasks signed for. */
    public static Rate onTimeSigningRate(Tally t) {
        return Rate.of(t.tasksAnsweredOnTime(), t.tasksAnswered());
    }

    /** 按时办结率 On-time resolution rate = tasks first resolved by {@code resolveBy} (as moved) / tasks resolved. */
    public static Rate onTimeResolutionRate(Tally t) {
        return Rate.of(t.tasksResolvedOnTime(), t.tasksResolved());
    }

    /** 解决率 Resolution rate = cases resolved / cases assessed. */
    public static Rate resolutionRate(Tally t) {
        return Rate.of(t.casesResolved(), t.cases());
    }

    /** 退单率 Return rate = tasks returned / tasks assessed. Lower is better. */
    public static Rate returnRate(Tally t) {
        return Rate.of(t.tasksReturned(), t.tasks());
    }

    /** 重办率 Reopen rate = cases reopened / cases rated. Lower is better. */
    public static Rate reopenRate(Tally t) {
        return Rate.of(t.casesReopened(), t.casesRated());
    }

    /** 满意率 Satisfaction rate = cases whose latest rating is satisfied / cases rated. */
    public static Rate satisfactionRate(Tally t) {
        return Rate.of(t.casesSatisfied(), t.casesRated());
    }

    // ---- the composite score -----------------------------------------------------------------------------------

    /**
     * Composite score in [0, 1] = Σ w·v / Σ w over the KPIs that have a rate, where v is the rate, or 1 − rate for
     * KPIs where less is better. A KPI with nothing to count weighs nothing; with none at all the score is null.
     */
    public static Double score(Map<Kpi, Rate> rates, Weights weights) {
        double weighted = 0;
        double total = 0;
        for (Kpi kpi : Kpi.values()) {
            Rate rate = rates.get(kpi);
            double w = weights.of(kpi);
            if (rate == null || !rate.hasValue() || w == 0) {
                continue;
            }
            weighted += w * (kpi.higherIsBetter() ? rate.value() : 1 - rate.value());
            total += w;
        }
        return total == 0 ? null : weighted / total;
    }

    private static long one(boolean counted) {
        return counted ? 1 : 0;
    }
}
