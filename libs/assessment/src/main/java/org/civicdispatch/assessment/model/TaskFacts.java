package org.civicdispatch.assessment.model;

import java.util.HashSet;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One department's task of a case. Each part has one source, so the parts can arrive in any order relative to
 * each other: {@code issue} from the department's task topic (null until seen), {@code progress} from the case
 * stream, the urging marks from sla-events (ids, so a redelivered timer event counts once).
 */
public record TaskFacts(String taskId, TaskIssue issue, TaskProgress progress, Set<String> breaches,
                        Set<String> escalations) {

    public TaskFacts {
        breaches = Set.copyOf(breaches);
        escalations = Set.copyOf(escalations);
    }

    static TaskFacts unseen(String taskId) {
        return new TaskFacts(taskId, null, TaskProgress.DISPATCHED, Set.of(), Set.of());
    }

    TaskFacts issued(TaskIssue next) {
        return new TaskFacts(taskId, next, progress, breaches, escalations);
    }

    TaskFacts progressed(UnaryOperator<TaskProgress> change) {
        return new TaskFacts(taskId, issue, change.apply(progress), breaches, escalations);
    }

    TaskFacts breached(String eventId) {
        return new TaskFacts(taskId, issue, progress, plus(breaches, eventId), escalations);
    }

    TaskFacts escalated(String eventId) {
        return new TaskFacts(taskId, issue, progress, breaches, plus(escalations, eventId));
    }

    private static Set<String> plus(Set<String> ids, String id) {
        Set<String> next = new HashSet<>(ids);
        next.add(id);
        return next;
    }
}
