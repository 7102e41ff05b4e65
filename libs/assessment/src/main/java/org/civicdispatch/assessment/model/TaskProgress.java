package org.civicdispatch.assessment.model;

import java.time.Instant;

/**
 * What the case stream says happened to a task, in the case's own order.
 *
 * @param firstAnswerAt          the department's first answer of any kind (accept, return, progress, resolve): when
 *                               it signed for the task
 * @param firstResolvedAt        the first resolution; a resolution after a reopening does not replace it
 * @param shiftMillis            how far the resolution deadline has moved so far (extensions, waits on the citizen)
 * @param shiftAtFirstResolution how far it had moved when the task was first resolved: the deadline in force then
 * @param cancelled              the case was closed (merged, withdrawn) before the department answered
 */
public record TaskProgress(TaskStatus status, Instant firstAnswerAt, boolean returned, Instant firstResolvedAt,
                           long shiftMillis, long shiftAtFirstResolution, boolean cancelled) {

    static final TaskProgress DISPATCHED = new TaskProgress(TaskStatus.DISPATCHED, null, false, null, 0, 0, false);

    TaskProgress answered(TaskStatus next, Instant at) {
        Instant first = firstAnswerAt == null ? at : firstAnswerAt;
        boolean firstResolution = next == TaskStatus.RESOLVED && firstResolvedAt == null;
        return new TaskProgress(next, first, returned || next == TaskStatus.RETURNED,
                firstResolution ? at : firstResolvedAt, shiftMillis,
                firstResolution ? shiftMillis : shiftAtFirstResolution, cancelled);
    }

    TaskProgress withStatus(TaskStatus next) {
        return new TaskProgress(next, firstAnswerAt, returned, firstResolvedAt, shiftMillis, shiftAtFirstResolution,
                cancelled);
    }

    TaskProgress shiftedBy(long millis) {
        return new TaskProgress(status, firstAnswerAt, returned, firstResolvedAt, shiftMillis + millis,
                shiftAtFirstResolution, cancelled);
    }

    TaskProgress cancelledIfUnanswered() {
        return firstAnswerAt != null ? this : new TaskProgress(status, null, returned, firstResolvedAt, shiftMillis,
                shiftAtFirstResolution, true);
    }
}
