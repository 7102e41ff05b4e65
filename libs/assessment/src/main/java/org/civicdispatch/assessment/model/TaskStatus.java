package org.civicdispatch.assessment.model;

/** Where a task stands, as the case stream tells it (the same states dispatch's lifecycle keeps). */
public enum TaskStatus {
    DISPATCHED, ACCEPTED, IN_PROGRESS, RESOLVED, RETURNED, WITHDRAWN;

    /** Open tasks are the ones whose resolution deadline a resumption moves. */
    boolean isOpen() {
        return this == DISPATCHED || this == ACCEPTED || this == IN_PROGRESS;
    }
}
